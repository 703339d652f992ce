namespace NetCourse.Lesson08;

/// <summary>
/// A chat server on Kestrel: the page at <c>/</c>, WebSocket connections at
/// <c>/chat?room=…&amp;nick=…</c>. Members of a room get each other's messages and join and leave
/// notices, in one order per room; a client that stops reading is dropped instead of slowing
/// the room; <see cref="StopAsync"/> closes every connection with 1001 (Going Away).
/// </summary>
public sealed class ChatServer : IAsyncDisposable
{
    // Given: the options. Add the rest yourself: the web application, the rooms, what a
    // connection needs (see the README's tasks 3 to 6; small internal classes are welcome).
    private readonly ChatServerOptions _options;

    /// <param name="options">Limits and timings; <c>new ChatServerOptions()</c> when null.</param>
    public ChatServer(ChatServerOptions? options = null)
    {
        options ??= new ChatServerOptions();
        options.Validate();
        _options = options;
    }

    /// <summary>The page's address, <c>http://127.0.0.1:port/</c>, with the port the system chose.
    /// <see cref="ChatNames.ChatUri"/> gives a room's WebSocket address on it.</summary>
    public Uri Address =>
        throw new NotImplementedException("Task 3: return the address Kestrel bound (InvalidOperationException before StartAsync).");

    /// <summary>Clients in a room right now, all rooms together.</summary>
    public int ConnectedClients =>
        throw new NotImplementedException("Task 3: return how many clients are members of a room right now.");

    /// <summary>Starts Kestrel on <see cref="ChatServerOptions.EndPoint"/>; returns <see cref="Address"/>.</summary>
    public Task<Uri> StartAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"Task 3: build a web application on Kestrel listening on {_options.EndPoint}, map / to the chat page and {ChatNames.ChatPath} to the WebSocket endpoint, start it and return its address.");

    /// <summary>Stops accepting, closes every client with 1001 (a close frame, then up to
    /// <see cref="ChatServerOptions.CloseTimeout"/> for its answer), and stops Kestrel.</summary>
    public Task StopAsync() =>
        throw new NotImplementedException("Task 6: close every client with 1001 (Going Away) and stop the web application; a second call returns the same task.");

    public ValueTask DisposeAsync() =>
        throw new NotImplementedException("Task 6: StopAsync, then dispose the web application.");
}
