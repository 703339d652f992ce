namespace NetCourse.Lesson02.Tests;

[Task(2)]
public class ServerTests
{
    [Test, Hint("Bind in the constructor, then read the socket's LocalEndPoint: with port 0 the system picks the port.")]
    public async Task Server_bound_to_port_0_exposes_the_port_it_got()
    {
        await using var server = new UdpEchoServer(new IPEndPoint(IPAddress.Loopback, 0));
        server.LocalEndPoint.Address.ShouldBe(IPAddress.Loopback);
        server.LocalEndPoint.Port.ShouldNotBe(0, "LocalEndPoint should hold the port the system chose, not 0.");
    }

    [Test, Hint("See Hint 2.1: ReceiveFromAsync gives the datagram and its sender; SendToAsync the same bytes back to that sender.")]
    public async Task Datagram_is_echoed_to_its_sender()
    {
        await using var server = RunningServer.Start();
        using var peer = new UdpPeer();
        var payload = Payloads.Labelled(TestSeed.RandomForCurrentTest(), "hello");
        await peer.SendAsync(payload, server.EndPoint);
        var (echo, from) = await peer.ReceiveAsync("the echo");
        echo.ShouldBe(payload, "The server should send back exactly the bytes it received.");
        from.ShouldBe(server.EndPoint, "The echo should come from the server's own endpoint.");
    }

    [Test, Hint("A datagram may be empty: receiving 0 bytes is a datagram, not the end of anything. Echo it.")]
    public async Task Empty_datagram_is_echoed()
    {
        await using var server = RunningServer.Start();
        using var peer = new UdpPeer();
        await peer.SendAsync(Array.Empty<byte>(), server.EndPoint);
        var (echo, _) = await peer.ReceiveAsync("the echo of an empty datagram");
        echo.ShouldBeEmpty();
    }

    [Test, Points(2), Hint("See Hint 2.2: receive into a buffer of Datagrams.MaxSize (65,507) bytes; a smaller one silently cuts the datagram.")]
    public async Task Datagram_of_65507_bytes_is_echoed_intact()
    {
        await using var server = RunningServer.Start();
        using var peer = new UdpPeer();
        var payload = Payloads.Random(TestSeed.RandomForCurrentTest(), Datagrams.MaxSize);
        await peer.SendAsync(payload, server.EndPoint);
        var (echo, _) = await peer.ReceiveAsync("the echo of a 65,507-byte datagram");
        echo.Length.ShouldBe(Datagrams.MaxSize, "The echo of the largest datagram came back cut short.");
        echo.ShouldBe(payload, "The echo of the largest datagram differs from what was sent.");
    }

    [Test, Points(2), Hint("See Hint 2.1: reply to the RemoteEndPoint of each datagram you received, never to a remembered one.")]
    public async Task Each_sender_gets_its_own_echo()
    {
        await using var server = RunningServer.Start();
        using var first = new UdpPeer();
        using var second = new UdpPeer();
        var random = TestSeed.RandomForCurrentTest();
        var (one, two) = (Payloads.Labelled(random, "first"), Payloads.Labelled(random, "second"));

        await first.SendAsync(one, server.EndPoint);
        (await first.ReceiveAsync("the first sender's echo")).Data.ShouldBe(one);
        await second.SendAsync(two, server.EndPoint);
        (await second.ReceiveAsync("the second sender's echo (sent to the first sender instead?)")).Data.ShouldBe(two);
    }

    [Test, Hint("One loop serves everyone: receive, reply to that datagram's sender, receive the next.")]
    public async Task Interleaved_datagrams_from_twenty_senders_are_all_echoed_to_their_senders()
    {
        await using var server = RunningServer.Start();
        var random = TestSeed.RandomForCurrentTest();
        var peers = Enumerable.Range(0, 20).Select(_ => new UdpPeer()).ToList();
        try
        {
            var payloads = peers.Select((_, i) => Payloads.Labelled(random, $"peer {i}")).ToList();
            for (var i = 0; i < peers.Count; i++) await peers[i].SendAsync(payloads[i], server.EndPoint);
            for (var i = 0; i < peers.Count; i++)
                (await peers[i].ReceiveAsync($"peer {i}'s echo")).Data.ShouldBe(payloads[i], $"Peer {i} got someone else's echo.");
        }
        finally
        {
            peers.ForEach(p => p.Dispose());
        }
    }

    [Test, Hint("See Hint 2.3: pass the token to ReceiveFromAsync; catch the OperationCanceledException and return normally, closing the socket.")]
    public async Task Cancelling_RunAsync_ends_it_and_frees_the_port()
    {
        var server = new UdpEchoServer(new IPEndPoint(IPAddress.Loopback, 0));
        await using var _ = server;
        using var stop = new CancellationTokenSource();
        var run = server.RunAsync(stop.Token);
        stop.Cancel();
        await run.WithDeadline(what: "RunAsync after its token was cancelled");
        run.IsCompletedSuccessfully.ShouldBeTrue("Stopping on request is not an error: RunAsync should complete, not fault or throw.");
        ShouldBeFree(server.LocalEndPoint);
    }

    [Test, Hint("See Hint 2.3: DisposeAsync stops the loop, waits for it, and disposes the socket.")]
    public async Task Disposing_a_running_server_ends_RunAsync_and_frees_the_port()
    {
        var server = new UdpEchoServer(new IPEndPoint(IPAddress.Loopback, 0));
        var run = server.RunAsync();
        await server.DisposeAsync().WithDeadline(what: "DisposeAsync of a running server");
        await run.WithDeadline(what: "RunAsync after the server was disposed");
        ShouldBeFree(server.LocalEndPoint);
    }

    [Test, Hint("A server that never ran still holds its socket: DisposeAsync must release it.")]
    public async Task Disposing_a_server_that_never_ran_frees_the_port()
    {
        var server = new UdpEchoServer(new IPEndPoint(IPAddress.Loopback, 0));
        await server.DisposeAsync().WithDeadline(what: "DisposeAsync");
        ShouldBeFree(server.LocalEndPoint);
    }

    [Test, Hint("Let the SocketException of Bind escape (and dispose the socket you created).")]
    public void Binding_a_port_in_use_throws_SocketException()
    {
        using var holder = new UdpPeer();
        Should.Throw<SocketException>(() => new UdpEchoServer(holder.EndPoint), "Another socket holds this port.")
            .SocketErrorCode.ShouldBe(SocketError.AddressAlreadyInUse);
    }

    [Test, Hint("See Hint 2.3: a server runs once: a second RunAsync throws InvalidOperationException.")]
    public async Task Second_RunAsync_is_rejected()
    {
        await using var server = RunningServer.Start();
        await Should.ThrowAsync<InvalidOperationException>(async () => await server.Server.RunAsync().WithDeadline(what: "the second RunAsync"));
    }

    [Test, Hint("See Hint 2.3: DisposeAsync waits for the loop it stopped: when it returns, RunAsync has completed.")]
    public async Task DisposeAsync_returns_once_RunAsync_has_completed()
    {
        var server = new UdpEchoServer(new IPEndPoint(IPAddress.Loopback, 0));
        var run = server.RunAsync();
        await server.DisposeAsync().AsTask().WithDeadline(what: "DisposeAsync of a running server");
        run.IsCompleted.ShouldBeTrue("DisposeAsync returned while RunAsync was still running.");
    }

    [Test, Hint("See Hint 2.3: DisposeAsync may be called twice; the second call does nothing.")]
    public async Task Disposing_a_server_twice_is_harmless()
    {
        var server = new UdpEchoServer(new IPEndPoint(IPAddress.Loopback, 0));
        var run = server.RunAsync();
        await server.DisposeAsync().AsTask().WithDeadline(what: "the first DisposeAsync");
        await Should.NotThrowAsync(async () => await server.DisposeAsync().AsTask().WithDeadline(what: "the second DisposeAsync"));
        await run.WithDeadline(what: "RunAsync after the server was disposed");
    }

    private static void ShouldBeFree(IPEndPoint endpoint)
    {
        using var probe = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        Should.NotThrow(() => probe.Bind(endpoint), $"{endpoint} is still bound: the server's socket leaked.");
    }
}
