using NetCourse.Harness.Servers;

namespace NetCourse.Lesson10.Tests;

/// <summary>WebSocket upgrades the backend refuses, and tunnels that end.</summary>
[Task(3)]
public class ForwarderWebSocketTests
{
    /// <summary>RFC 6455 §4.4: a version the server does not speak is a 426 naming the versions it does.</summary>
    private static Task RefuseTheVersion(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
        context.Response.Headers["Upgrade"] = "websocket";
        context.Response.Headers["Sec-WebSocket-Version"] = "13";
        return Task.CompletedTask;
    }

    private static string UpgradeRequest(string path) => $"GET {path} HTTP/1.1\r\nHost: gw\r\n{RawExchange.WebSocketHandshake}\r\n";

    [Test, Hint("See Hint 3.8: only a 101 starts a tunnel; any other answer to an upgrade is an ordinary response, passed on as it is.")]
    public async Task A_websocket_upgrade_the_backend_refuses_reaches_the_client_as_the_refusal()
    {
        await using var backend = await RecordingBackend.StartAsync("ws", RefuseTheVersion);
        await using var run = await GatewayRun.StartAsync(Routes.To("/chat", backend));
        using var deadline = Deadline.Start();
        using var socket = await RawExchange.ConnectAsync(run.Gateway.Address, UpgradeRequest("/chat/room"), deadline.Token);
        var (status, headers) = await RawExchange.ReadHeadAsync(socket, deadline.Token);
        (status, headers.GetValueOrDefault("Sec-WebSocket-Version")).ShouldBe((426, "13"),
            "The backend refused the upgrade with 426: the client must get that answer, not a 101 and a tunnel.");
    }

    [Test, Hint("See Hint 3.8: Upgrade is kept only on a 101; on any other answer it is hop-by-hop like the rest.")]
    public async Task The_upgrade_header_of_a_refused_websocket_upgrade_stops_at_the_gateway()
    {
        await using var backend = await RecordingBackend.StartAsync("ws", RefuseTheVersion);
        await using var run = await GatewayRun.StartAsync(Routes.To("/chat", backend));
        using var deadline = Deadline.Start();
        using var socket = await RawExchange.ConnectAsync(run.Gateway.Address, UpgradeRequest("/chat/room"), deadline.Token);
        var (status, headers) = await RawExchange.ReadHeadAsync(socket, deadline.Token);
        (status, headers.ContainsKey("Upgrade")).ShouldBe((426, false),
            "The backend's 426 carried Upgrade for its own connection with the gateway; only a 101 passes Upgrade on.");
    }

    [Test, Hint("See Hint 3.8: copy both ways until one side ends, then end the other: when the backend closes, the client's connection closes too.")]
    public async Task When_the_backend_closes_a_websocket_tunnel_the_clients_connection_ends()
    {
        await using var backend = await RecordingBackend.StartAsync("ws", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            // Returning ends the upgraded connection: the backend is gone.
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/chat", backend));
        using var deadline = Deadline.Start();
        using var socket = await RawExchange.ConnectAsync(run.Gateway.Address, UpgradeRequest("/chat/room"), deadline.Token);
        (await RawExchange.ReadHeadAsync(socket, deadline.Token)).Status.ShouldBe(101);
        await RawExchange.ReadToEndAsync(socket, deadline.Token).WithDeadline(what: "the end of the client's connection");
    }

    [Test, Hint("See Hint 3.8: a side that resets is the tunnel's normal end: ForwardAsync returns, it does not throw.")]
    public async Task A_websocket_tunnel_the_backend_resets_ends_without_an_exception()
    {
        var reset = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await LoopbackTcpServer.StartAsync(async (socket, token) =>
        {
            if (!await RawExchange.ReadRequestHeadAsync(socket, token)) return;
            await socket.SendAsync("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"u8.ToArray(), SocketFlags.None, token);
            // The first bytes through the tunnel, then a reset.
            await socket.ReceiveAsync(new byte[16], SocketFlags.None, token);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            reset.TrySetResult();
        });
        await using var front = await ForwarderFront.StartAsync(new Uri($"http://127.0.0.1:{backend.EndPoint.Port}/"));
        using var deadline = Deadline.Start();
        using var client = await RawExchange.ConnectAsync(front.Address, UpgradeRequest("/room"), deadline.Token);
        (await RawExchange.ReadHeadAsync(client, deadline.Token)).Status.ShouldBe(101);
        await client.SendAsync("ping"u8.ToArray(), SocketFlags.None, deadline.Token);
        await reset.Task.WithDeadline(what: "the backend's reset");
        await Should.NotThrowAsync(front.FirstResult.WithDeadline(what: "ForwardAsync's result"),
            "The backend reset the tunnel: that ends it, and ForwardAsync must return rather than throw.");
    }
}
