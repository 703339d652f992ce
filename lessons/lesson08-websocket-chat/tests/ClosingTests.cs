namespace NetCourse.Lesson08.Tests;

[Task(6)]
public class ClosingTests
{
    [Test, Hint("See Hint 6.1: give the WebSocket a KeepAliveInterval and a KeepAliveTimeout: it then sends Ping frames (without a timeout, .NET only sends unsolicited Pongs).")]
    public async Task The_server_pings_a_quiet_client_every_KeepAliveInterval()
    {
        await using var s = await ChatSetup.StartAsync(o => o with { KeepAliveInterval = TimeSpan.FromMilliseconds(100), KeepAliveTimeout = TimeSpan.FromSeconds(30) });
        await using var raw = await s.JoinRawAsync("lobby", "quiet");
        var opcodes = new List<int>();
        while (true)
        {
            var (opcode, _) = await raw.ReadFrameAsync();
            opcodes.Add(opcode);
            if (opcode == RawWebSocket.Ping) break;
            opcodes.Count.ShouldBeLessThan(10, $"The server sent frames with opcodes [{string.Join(", ", opcodes)}] but no Ping (9).");
        }
    }

    [Test, Points(2), TimeLimit(20), Hint("See Hint 6.1: a ping unanswered for KeepAliveTimeout means the peer is gone: the WebSocket aborts, and the session leaves the room.")]
    public async Task A_client_that_never_answers_pings_is_dropped()
    {
        await using var s = await ChatSetup.StartAsync(o => o with { KeepAliveInterval = TimeSpan.FromMilliseconds(200), KeepAliveTimeout = TimeSpan.FromSeconds(2) });
        await using var bob = await s.JoinAsync("lobby", "bob");
        await using var deaf = await s.JoinRawAsync("lobby", "deaf");
        await bob.NextAsync("deaf's join notice");
        (await bob.NextAsync("deaf's left notice once its pings went unanswered", TimeSpan.FromSeconds(10)))
            .ShouldBe(ChatEvent.Left("lobby", "deaf"));
        (await deaf.ClosedByServerAsync()).ShouldBeTrue("The server must close the connection of a client that stopped answering pings.");
    }

    [Test, Points(2), Hint("See Hint 6.2: ReceiveAsync returns a Close message: answer it with your own close frame (echo its status), then end the session.")]
    public async Task A_client_close_is_answered_with_a_close_frame()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var bob = await s.JoinAsync("lobby", "bob");
        await using var ann = await s.JoinAsync("lobby", "ann");
        await bob.NextAsync("ann's join notice");
        await ann.CloseAsync();
        ann.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure, "The server must answer a close frame with its own (the closing handshake).");
        (await bob.NextAsync("ann's left notice")).ShouldBe(ChatEvent.Left("lobby", "ann"));
    }

    [Test, Hint("See Hint 6.2: answer a client's close frame with the status it sent (socket.CloseStatus), not always 1000.")]
    public async Task A_client_close_is_answered_with_the_status_the_client_sent()
    {
        var goodbye = (WebSocketCloseStatus)4000;
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await ann.CloseAsync(goodbye);
        ann.CloseStatus.ShouldBe(goodbye, "The server's close frame must echo the status of the client's (RFC 6455, section 5.5.1).");
    }

    [Test, Hint("See Hint 6.4: the close timeout counts from the server's first close frame; what the client sends after it (more messages the server would close for) never starts it again.")]
    public async Task A_client_that_keeps_sending_after_the_close_frame_is_aborted_CloseTimeout_after_the_first()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var raw = await s.JoinRawAsync("lobby", "stubborn");
        await raw.SendFrameAsync(RawWebSocket.Binary, [1, 2, 3]);
        await ReadUntilAsync(raw, RawWebSocket.Close, "the close frame 1003 answering a binary message");
        await Wait.UntilAsync(() => s.Clock.PendingTimers >= 1, what: "the server arming its close timeout on the TimeProvider");

        s.Clock.Advance(ChatSetup.CloseTimeout / 2);
        // Another message the server would close for, then a ping: its pong says the message was read.
        await raw.SendFrameAsync(RawWebSocket.Binary, [4, 5, 6]);
        await raw.SendFrameAsync(RawWebSocket.Ping, [7]);
        await ReadUntilAsync(raw, RawWebSocket.Pong, "the pong answering a ping sent after the second binary message");

        s.Clock.Advance(ChatSetup.CloseTimeout / 2);
        (await raw.ClosedByServerAsync()).ShouldBeTrue("The server must abort a client that has not answered its close frame within CloseTimeout of it, whatever the client sent since.");
    }

    private static async Task ReadUntilAsync(RawWebSocket raw, int opcode, string what)
    {
        for (var frames = 0; frames < 10; frames++)
            if ((await raw.ReadFrameAsync()).Opcode == opcode) return;
        throw new ShouldAssertException($"The server sent 10 frames but not {what}.");
    }

    [Test, Points(3), TimeLimit(30), Hint("See Hints 6.3 and 6.4: on stopping, every session sends a close frame 1001 (EndpointUnavailable, \"going away\") after what it had queued, then waits for the client's answer.")]
    public async Task StopAsync_closes_every_client_with_1001_and_a_close_frame()
    {
        await using var s = await ChatSetup.StartAsync();
        var clients = new List<ChatClient>();
        try
        {
            for (var i = 0; i < 20; i++) clients.Add(await s.JoinAsync(i % 2 == 0 ? "red" : "blue", $"c{i}"));
            await s.Server.StopAsync().WithDeadline(TimeSpan.FromSeconds(15), "StopAsync with 20 clients that answer close frames");
            foreach (var client in clients)
                (await client.ClosedByServerAsync("the server is stopping")).ShouldBe(WebSocketCloseStatus.EndpointUnavailable,
                    $"{client.Nick}: a stopping server says goodbye with a close frame 1001 (Going Away), not by cutting the connection ({client.HowItEnded}).");
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    [Test, Points(2), Hint("See Hint 6.4: a client that never answers the close frame is aborted after CloseTimeout (on the options' TimeProvider).")]
    public async Task StopAsync_ends_after_CloseTimeout_when_a_client_never_answers()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var deaf = await s.JoinRawAsync("lobby", "deaf");
        await Wait.UntilAsync(() => s.Server.ConnectedClients == 1, what: "deaf joining");

        var stopping = s.Server.StopAsync();
        await Wait.UntilAsync(() => s.Clock.PendingTimers >= 1, what: "the server arming its close timeout on the TimeProvider");
        stopping.IsCompleted.ShouldBeFalse("StopAsync must give a client CloseTimeout to answer its close frame.");
        s.Clock.Advance(ChatSetup.CloseTimeout);
        await stopping.WithDeadline(TimeSpan.FromSeconds(10), "StopAsync once CloseTimeout has passed");
        (await deaf.ClosedByServerAsync()).ShouldBeTrue("The client that never answered must be disconnected.");
    }

    [Test, Hint("See Hint 6.3: StopAsync may be called twice; the second call waits for the same shutdown.")]
    public async Task StopAsync_twice_completes_both_times()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await Task.WhenAll(s.Server.StopAsync(), s.Server.StopAsync()).WithDeadline(TimeSpan.FromSeconds(15), "two StopAsync calls");
    }

    [Test, Hint("See Hint 6.3: keep the task of the first StopAsync and return it to every later call.")]
    public async Task StopAsync_called_twice_returns_the_same_task()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        var first = s.Server.StopAsync();
        s.Server.StopAsync().ShouldBeSameAs(first, "A second StopAsync must return the task of the first: one shutdown, however many callers.");
        await first.WithDeadline(TimeSpan.FromSeconds(15), "StopAsync");
    }

    [Test, Hint("See Hint 6.5: DisposeAsync is StopAsync, then the web application's disposal: the clients get their close frame 1001 first.")]
    public async Task DisposeAsync_closes_every_client_with_1001()
    {
        var server = new ChatServer(ChatSetup.Options(new ManualClock()));
        var address = await server.StartAsync().WithDeadline(TimeSpan.FromSeconds(20), "server.StartAsync()");
        await using var ann = await ChatClient.JoinAsync(address, "lobby", "ann");
        await server.DisposeAsync().AsTask().WithDeadline(TimeSpan.FromSeconds(15), "server.DisposeAsync()");
        (await ann.ClosedByServerAsync("the server is disposed")).ShouldBe(WebSocketCloseStatus.EndpointUnavailable,
            $"A disposed server says goodbye with a close frame 1001 (Going Away), not by cutting the connection ({ann.HowItEnded}).");
    }

    [Test, Hint("See Hint 6.5: a server that was never started has nothing to stop or dispose.")]
    public async Task DisposeAsync_of_a_server_never_started_does_nothing()
    {
        var server = new ChatServer(ChatSetup.Options(new ManualClock()));
        await Should.NotThrowAsync(async () => await server.DisposeAsync().AsTask().WithDeadline(TimeSpan.FromSeconds(5), "DisposeAsync of a server never started"));
    }

    [Test, Hint("See Hint 6.3: stopping Kestrel closes its listening socket.")]
    public async Task After_StopAsync_the_port_refuses_connections()
    {
        await using var s = await ChatSetup.StartAsync();
        await s.Server.StopAsync().WithDeadline(TimeSpan.FromSeconds(15), "StopAsync");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = Deadline.Start();
        (await Should.ThrowAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, s.Address.Port, deadline.Token).AsTask()))
            .SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }
}
