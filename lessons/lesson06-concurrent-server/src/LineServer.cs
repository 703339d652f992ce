using System.Net;

namespace NetCourse.Lesson06;

/// <summary>
/// A TCP server for a line protocol: an accept loop hands each connection to its own task,
/// which answers every request line through the <see cref="LineHandler"/>. Limits (connections,
/// line length, idle and read timeouts) keep one bad client from hurting the others, and
/// <see cref="StopAsync"/> shuts down gracefully in bounded time.
/// </summary>
public sealed class LineServer : IAsyncDisposable
{
    // Given: the server's collaborators. Add the rest yourself: the listening socket, the accept
    // loop's task, the count of active connections, what tells connections to stop.
    private readonly LineHandler _handler;
    private readonly LineServerOptions _options;
    private readonly TimeProvider _time;

    /// <param name="handler">Answers each request line.</param>
    /// <param name="options">The limits; <c>new LineServerOptions()</c> when null.</param>
    /// <param name="time">The clock of the idle, read and shutdown timeouts; <see cref="TimeProvider.System"/> when null.</param>
    public LineServer(LineHandler handler, LineServerOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new LineServerOptions();
        options.Validate();
        _handler = handler;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The endpoint the server listens on (with the port the system chose).</summary>
    public IPEndPoint LocalEndPoint =>
        throw new NotImplementedException("Task 2: return the listening socket's LocalEndPoint (InvalidOperationException before Start).");

    /// <summary>Connections being served right now (refused ones never count).</summary>
    public int ActiveConnections =>
        throw new NotImplementedException("Task 2: return the number of connections being served, counted with Interlocked.");

    /// <summary>Binds, listens, and starts accepting connections.</summary>
    public void Start() =>
        throw new NotImplementedException("Task 2: bind a socket to Options.EndPoint, listen, and start the accept loop (one tracked task per connection; a failing handler goes to Options.HandlerFailed and closes only its connection).");

    /// <summary>
    /// Graceful shutdown: stops accepting (the port refuses new connections), closes the
    /// connections waiting for a request, lets the lines being answered finish, and after
    /// <see cref="LineServerOptions.ShutdownTimeout"/> aborts whatever is left. Completes when
    /// every connection is closed.
    /// </summary>
    public Task StopAsync() =>
        throw new NotImplementedException("Task 5: stop accepting, close idle connections, let lines in progress finish, abort after ShutdownTimeout.");

    public ValueTask DisposeAsync() =>
        throw new NotImplementedException("Task 5: StopAsync, then release what the server holds.");
}
