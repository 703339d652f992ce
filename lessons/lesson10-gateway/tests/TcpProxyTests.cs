using NetCourse.Harness.Servers;

namespace NetCourse.Lesson10.Tests;

[Task(9)]
public class TcpProxyTests
{
    private static Backend At(string name, LoopbackTcpServer server) => new(name, new Uri($"tcp://127.0.0.1:{server.EndPoint.Port}"));

    private static async Task<byte[]> SendAllThenReadAllAsync(IPEndPoint proxy, byte[] payload)
    {
        using var deadline = Deadline.Start();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(proxy, deadline.Token);
        await socket.SendAsync(payload, SocketFlags.None, deadline.Token);
        socket.Shutdown(SocketShutdown.Send);
        using var received = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token)) > 0) received.Write(buffer, 0, read);
        return received.ToArray();
    }

    [Test, Points(2), Hint("See Hint 9.1: two pumps, one per direction; at a read of 0, Shutdown(Send) on the other socket, never Close.")]
    public async Task Bytes_pass_both_ways_and_a_half_close_is_kept()
    {
        await using var echo = await LoopbackTcpServer.StartEchoAsync();
        await using var proxy = TcpProxy.Start(new RoundRobinBalancer([At("echo", echo)]));
        var payload = new byte[200_000];
        TestSeed.RandomForCurrentTest().NextBytes(payload);
        var back = await SendAllThenReadAllAsync(proxy.EndPoint, payload);
        (back.Length, back.SequenceEqual(payload)).ShouldBe((payload.Length, true),
            "The client half-closed after sending: the echo must still come back whole, then end (the proxy passes the half-close on, both ways).");
    }

    [Test, Hint("See Hint 9.2: Pick once per accepted connection.")]
    public async Task Connections_are_balanced_one_per_backend_in_turn()
    {
        await using var one = await LoopbackTcpServer.StartEchoAsync();
        await using var two = await LoopbackTcpServer.StartEchoAsync();
        await using var proxy = TcpProxy.Start(new RoundRobinBalancer([At("one", one), At("two", two)]));
        for (var i = 0; i < 4; i++) await SendAllThenReadAllAsync(proxy.EndPoint, [1, 2, 3]);
        (one.Accepted, two.Accepted).ShouldBe((2, 2), "Four connections, round robin: two to each backend.");
    }

    [Test, Hint("See Hint 9.3: when no backend can be reached, reset the client's connection (linger 0, then close): an EOF would look like an empty answer.")]
    public async Task A_connection_with_no_backend_up_is_reset()
    {
        await using var echo = await LoopbackTcpServer.StartEchoAsync();
        var backend = At("echo", echo);
        backend.IsUp = false;
        await using var proxy = TcpProxy.Start(new RoundRobinBalancer([backend]));
        await Should.ThrowAsync<SocketException>(() => SendAllThenReadAllAsync(proxy.EndPoint, [1, 2, 3]),
            "No backend is up: the client's connection must be reset, not closed as if the answer were empty.");
    }

    [Test, Hint("See Hint 9.4: the gateway starts a TcpProxy per TCP route and says where it listens.")]
    public async Task A_tcp_route_of_the_gateway_serves_a_line_server()
    {
        await using var server = await LoopbackTcpServer.StartAsync(async (socket, token) =>
        {
            using var stream = new NetworkStream(socket);
            using var reader = new StreamReader(stream);
            var line = await reader.ReadLineAsync(token);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"42 for {line}\n"), token);
        });
        var tcp = new TcpRouteConfig("rng", 0, [new BackendConfig("rng1", new Uri($"tcp://127.0.0.1:{server.EndPoint.Port}"))]);
        await using var run = await GatewayRun.StartAsync(new GatewayConfig([], [tcp]));
        var answer = await SendAllThenReadAllAsync(run.Gateway.TcpEndPoint("rng"), "hello\n"u8.ToArray());
        Encoding.ASCII.GetString(answer).ShouldBe("42 for hello\n", "A line sent to the gateway's TCP port must reach the line server and its answer come back, like `nc` would show.");
    }
}
