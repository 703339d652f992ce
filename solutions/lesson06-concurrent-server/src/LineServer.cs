using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson06;

/// <summary>
/// A TCP server for a line protocol: an accept loop hands each connection to its own task,
/// which answers every request line through the <see cref="LineHandler"/>. Limits (connections,
/// line length, idle and read timeouts) keep one bad client from hurting the others, and
/// <see cref="StopAsync"/> shuts down gracefully in bounded time.
/// </summary>
public sealed class LineServer : IAsyncDisposable
{
    private readonly LineHandler _handler;
    private readonly LineServerOptions _options;
    private readonly TimeProvider _time;

    // Stopping: stop accepting, close connections waiting for a request, let the others finish
    // the line in progress. Aborting: the shutdown timeout has passed, give up on everything.
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _aborting = new();
    private readonly Lock _gate = new();
    // Every connection's task, until it ends: what StopAsync awaits, so no task is left unseen.
    private readonly Dictionary<long, Task> _connections = [];

    private Socket? _listener;
    private Task? _acceptLoop;
    private Task? _stopped;
    private int _active;
    private long _nextConnection;

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
        (IPEndPoint)(_listener ?? throw new InvalidOperationException("The server is not started.")).LocalEndPoint!;

    /// <summary>Connections being served right now (refused ones never count).</summary>
    public int ActiveConnections => Volatile.Read(ref _active);

    /// <summary>Binds, listens, and starts accepting connections.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_listener is not null) throw new InvalidOperationException("The server is already started.");
            var listener = new Socket(_options.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(_options.EndPoint);
                listener.Listen(_options.Backlog);
            }
            catch
            {
                listener.Dispose();
                throw;
            }
            _listener = listener;
            _acceptLoop = AcceptLoopAsync(listener);
        }
    }

    /// <summary>
    /// Graceful shutdown: stops accepting (the port refuses new connections), closes the
    /// connections waiting for a request, lets the lines being answered finish, and after
    /// <see cref="LineServerOptions.ShutdownTimeout"/> aborts whatever is left. Completes when
    /// every connection is closed.
    /// </summary>
    public Task StopAsync()
    {
        lock (_gate) return _stopped ??= ShutdownAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _aborting.Dispose();
    }

    private async Task ShutdownAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        if (_acceptLoop is not null) await _acceptLoop.ConfigureAwait(false);

        // The accept loop is over: no connection can start any more, so these are all there are.
        Task connections;
        lock (_gate) connections = Task.WhenAll(_connections.Values);
        try
        {
            await connections.WaitAsync(_options.ShutdownTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Out of time: cancel the handlers and close the sockets; connections end at once.
            await _aborting.CancelAsync().ConfigureAwait(false);
            await connections.ConfigureAwait(false);
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (_stopping.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            catch (SocketException)
            {
                // A client that reset before we accepted it (ECONNABORTED): nothing to serve.
                continue;
            }

            if (Interlocked.Increment(ref _active) > _options.MaxConnections)
            {
                // Undo the count before the refusal goes out: a client that reads it must never
                // find itself counted in ActiveConnections.
                Interlocked.Decrement(ref _active);
                Refuse(client);
                continue;
            }
            // One task per connection: the loop goes straight back to accepting, so a slow
            // client never delays the next one. Not fire-and-forget: the task is tracked until
            // it ends, and StopAsync awaits every one (ServeAsync never throws: a failing
            // handler is reported to Options.HandlerFailed, not left in a faulted task).
            var id = ++_nextConnection;
            // Under the lock, so the connection cannot end (and untrack itself) before it is tracked.
            lock (_gate) _connections.Add(id, ServeAsync(id, client));
        }
    }

    private async Task ServeAsync(long id, Socket client)
    {
        // Off the accept loop at once: everything after this runs on the thread pool.
        await Task.Yield();
        try
        {
            var connection = new ClientConnection(client, _handler, _options, _time, _stopping.Token, _aborting.Token);
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            lock (_gate) _connections.Remove(id);
            Interlocked.Decrement(ref _active);
        }
    }

    // A polite refusal instead of a connection left waiting: one short line (it fits in the
    // empty send buffer of a new socket, so the send cannot block), then FIN.
    private static void Refuse(Socket client)
    {
        try
        {
            client.Send(ClientConnection.Encode(LineProtocol.Busy));
            client.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The client is gone already: nothing to tell it.
        }
        finally
        {
            client.Dispose();
        }
    }
}
