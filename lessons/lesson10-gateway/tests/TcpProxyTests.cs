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

    [Test, Hint("See Hint 9.3: a connect to the backend that fails resets the client's connection (linger 0, then close): an EOF would look like an empty answer.")]
    public async Task A_connection_whose_backend_refuses_it_is_reset()
    {
        // Bound but never listening: every connect to it is refused.
        using var refusing = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        refusing.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var backend = new Backend("refusing", new Uri($"tcp://127.0.0.1:{((IPEndPoint)refusing.LocalEndPoint!).Port}"));
        await using var proxy = TcpProxy.Start(new RoundRobinBalancer([backend]));
        // Nothing sent: a socket closed with unread bytes resets anyway, which would hide a polite close.
        await Should.ThrowAsync<SocketException>(() => SendAllThenReadAllAsync(proxy.EndPoint, []),
            "The backend refused the proxy's connect: the client's connection must be reset, not closed as if the answer were empty.");
    }

    [Test, Hint("See Hint 9.3: a pump whose read fails (the other side reset) resets both sockets, so the reset reaches the other side as a reset.")]
    public async Task A_reset_by_the_backend_reaches_the_client_as_a_reset()
    {
        await using var server = await LoopbackTcpServer.StartAsync(async (socket, token) =>
        {
            var buffer = new byte[3];
            for (var got = 0; got < buffer.Length;)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(got), SocketFlags.None, token);
                if (read == 0) return;
                got += read;
            }
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });
        await using var proxy = TcpProxy.Start(new RoundRobinBalancer([At("resetting", server)]));
        using var deadline = Deadline.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(proxy.EndPoint, deadline.Token);
        await client.SendAsync(new byte[] { 1, 2, 3 }, SocketFlags.None, deadline.Token);
        await Should.ThrowAsync<SocketException>(async () => await client.ReceiveAsync(new byte[16], SocketFlags.None, deadline.Token),
            "The backend reset the connection after reading the request (the client's side still open): the client must see a reset, not an end of stream or nothing.");
    }

    [Test, Hint("See Hint 9.3: a pump whose read fails (the other side reset) resets both sockets, so the reset reaches the other side as a reset.")]
    public async Task A_reset_by_the_client_reaches_the_backend_as_a_reset()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackTcpServer.StartAsync(async (socket, token) =>
        {
            var buffer = new byte[16];
            try
            {
                while (await socket.ReceiveAsync(buffer, SocketFlags.None, token) > 0) arrived.TrySetResult();
                ending.TrySetResult("an end of stream");
            }
            catch (SocketException)
            {
                ending.TrySetResult("a reset");
            }
        });
        await using var proxy = TcpProxy.Start(new RoundRobinBalancer([At("backend", server)]));
        using var deadline = Deadline.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(proxy.EndPoint, deadline.Token);
        await client.SendAsync(new byte[] { 1, 2, 3 }, SocketFlags.None, deadline.Token);
        await arrived.Task.WithDeadline();
        client.LingerState = new LingerOption(true, 0);
        client.Close();
        (await ending.Task.WithDeadline()).ShouldBe("a reset", "The client reset its connection: the backend must see a reset too, not a polite end of stream.");
    }

    [Test, Hint("See Hint 9.5: a failed bind is the caller's error: let the SocketException out (after closing the socket).")]
    public async Task Start_on_a_port_in_use_throws_the_SocketException()
    {
        await using var echo = await LoopbackTcpServer.StartEchoAsync();
        Should.Throw<SocketException>(() => TcpProxy.Start(new RoundRobinBalancer([At("echo", echo)]), echo.EndPoint.Port),
            "The port is taken (by the echo server): Start must throw the bind's SocketException.");
    }

    [Test, Hint("See Hint 9.5: DisposeAsync closes the listener, so the port refuses connections from then on.")]
    public async Task After_DisposeAsync_the_port_refuses_connections()
    {
        await using var echo = await LoopbackTcpServer.StartEchoAsync();
        var proxy = TcpProxy.Start(new RoundRobinBalancer([At("echo", echo)]));
        var endPoint = proxy.EndPoint;
        await proxy.DisposeAsync().WithDeadline();
        using var deadline = Deadline.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Should.ThrowAsync<SocketException>(async () => await client.ConnectAsync(endPoint, deadline.Token),
            "The proxy is disposed: its port must refuse a connection, not accept it into a listener nobody serves.");
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
