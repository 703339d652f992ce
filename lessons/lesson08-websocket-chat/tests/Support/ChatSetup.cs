namespace NetCourse.Lesson08.Tests.Support;

/// <summary>A started chat server on 127.0.0.1:0 with small limits, the manual clock for its
/// close timeout, and helpers to join it.</summary>
public sealed class ChatSetup : IAsyncDisposable
{
    public const int MaxMessageBytes = 1024;
    // Room for every burst these tests make (a few hundred messages at most), however late a send
    // loop runs on a busy machine: only the slow-reader tests, which set their own, drop anyone.
    public const int SendQueueCapacity = 1024;
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private ChatSetup(ChatServer server, ManualClock clock, Uri address)
    {
        Server = server;
        Clock = clock;
        Address = address;
    }

    public ChatServer Server { get; }

    public ManualClock Clock { get; }

    /// <summary>The page's address, http://127.0.0.1:port/.</summary>
    public Uri Address { get; }

    /// <summary>The options the tests use; <paramref name="change"/> adjusts them.</summary>
    public static ChatServerOptions Options(ManualClock clock, Func<ChatServerOptions, ChatServerOptions>? change = null)
    {
        var options = new ChatServerOptions
        {
            MaxMessageBytes = MaxMessageBytes,
            SendQueueCapacity = SendQueueCapacity,
            // Long enough never to fire in a test that is not about keep-alive.
            KeepAliveInterval = TimeSpan.FromMinutes(5),
            KeepAliveTimeout = TimeSpan.FromMinutes(5),
            CloseTimeout = CloseTimeout,
            TimeProvider = clock,
        };
        return change?.Invoke(options) ?? options;
    }

    public static async Task<ChatSetup> StartAsync(Func<ChatServerOptions, ChatServerOptions>? change = null)
    {
        var clock = new ManualClock();
        var server = new ChatServer(Options(clock, change));
        var address = await server.StartAsync().WithDeadline(TimeSpan.FromSeconds(20), "server.StartAsync()");
        return new ChatSetup(server, clock, address);
    }

    public Task<ChatClient> JoinAsync(string room, string nick, TimeSpan? deadline = null) => ChatClient.JoinAsync(Address, room, nick, deadline);

    public Task<ChatClient> ConnectAsync(string room, string nick, Action<ClientWebSocketOptions>? configure = null) =>
        ChatClient.ConnectAsync(Address, room, nick, configure);

    public Task<RawWebSocket> JoinRawAsync(string room, string nick, int receiveBufferSize = 0) =>
        RawWebSocket.JoinAsync(Address, room, nick, receiveBufferSize);

    /// <summary>Stops the server, moving the manual clock past the close timeout if a client
    /// holds the shutdown up: bounded whatever state the test left.</summary>
    public async Task StopAsync()
    {
        var stopping = Server.StopAsync();
        await Wait.UntilAsync(() =>
        {
            if (!stopping.IsCompleted) Clock.Advance(CloseTimeout);
            return stopping.IsCompleted;
        }, TimeSpan.FromSeconds(30), "the server stopping");
        await stopping;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Server.DisposeAsync().AsTask().WithDeadline(TimeSpan.FromSeconds(20), "server.DisposeAsync()");
    }
}
