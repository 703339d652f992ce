namespace NetCourse.Lesson02.Tests.Support;

/// <summary>A <see cref="UdpEchoServer"/> on 127.0.0.1, port 0, running until disposed.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private RunningServer(UdpEchoServer server)
    {
        Server = server;
        Run = server.RunAsync(_stop.Token);
    }

    public static RunningServer Start(IPAddress? address = null) =>
        new(new UdpEchoServer(new IPEndPoint(address ?? IPAddress.Loopback, 0)));

    public UdpEchoServer Server { get; }
    public Task Run { get; }
    public IPEndPoint EndPoint => Server.LocalEndPoint;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try { await Run.WithDeadline(what: "the server's RunAsync after cancellation"); }
        finally
        {
            await Server.DisposeAsync();
            _stop.Dispose();
        }
    }
}
