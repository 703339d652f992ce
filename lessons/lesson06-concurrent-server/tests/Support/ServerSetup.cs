namespace NetCourse.Lesson06.Tests.Support;

/// <summary>A started server on 127.0.0.1:0 with the manual clock and a handler whose answers a
/// test can check: "re:" followed by the line.</summary>
public sealed class ServerSetup : IAsyncDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);
    public const int MaxLineLength = 100;

    private ServerSetup(LineServer server, ManualClock clock, CountingClock serverClock)
    {
        Server = server;
        Clock = clock;
        ServerClock = serverClock;
    }

    public LineServer Server { get; }

    public ManualClock Clock { get; }

    /// <summary>The clock the server was given: the manual clock, counting the server's looks at it.</summary>
    public CountingClock ServerClock { get; }

    public IPEndPoint EndPoint => Server.LocalEndPoint;

    public static string AnswerTo(string line) => "re:" + line;

    public static LineHandler EchoHandler { get; } = (line, _) => ValueTask.FromResult(AnswerTo(line));

    public static ServerSetup Start(LineHandler? handler = null, int maxConnections = 50, int maxLineLength = MaxLineLength,
        Action<Exception>? handlerFailed = null)
    {
        var clock = new ManualClock();
        var options = new LineServerOptions
        {
            MaxConnections = maxConnections,
            MaxLineLength = maxLineLength,
            IdleTimeout = IdleTimeout,
            ReadTimeout = ReadTimeout,
            ShutdownTimeout = ShutdownTimeout,
            Backlog = 1_024,
            HandlerFailed = handlerFailed,
        };
        var serverClock = new CountingClock(clock);
        var server = new LineServer(handler ?? EchoHandler, options, serverClock);
        server.Start();
        return new ServerSetup(server, clock, serverClock);
    }

    public Task<LineClient> ConnectAsync() => LineClient.ConnectAsync(EndPoint);

    /// <summary>Connects and waits until the server counts the connection as active.</summary>
    public async Task<LineClient> ConnectServedAsync()
    {
        var before = Server.ActiveConnections;
        var client = await ConnectAsync();
        await Wait.UntilAsync(() => Server.ActiveConnections > before, what: "the server counting the new connection in ActiveConnections");
        return client;
    }

    /// <summary>Waits until the server has armed its timers (one per connection waiting to read).</summary>
    public Task UntilTimersArmedAsync(int count = 1) =>
        Wait.UntilAsync(() => Clock.PendingTimers >= count, what: $"the server arming its timeout ({count} timer(s) on the clock)");

    public Task StopAsync() => Server.StopAsync().WithDeadline(TimeSpan.FromSeconds(20), "server.StopAsync()");

    public async ValueTask DisposeAsync()
    {
        // Bounded, whatever state the test left: the manual clock moves past the shutdown timeout.
        var stopping = Server.StopAsync();
        await Wait.UntilAsync(() =>
        {
            if (!stopping.IsCompleted) Clock.Advance(ShutdownTimeout);
            return stopping.IsCompleted;
        }, TimeSpan.FromSeconds(20), "the server stopping at the end of the test");
        await stopping;
    }
}
