using System.Net.WebSockets;

namespace NetCourse.Lesson10.Tests;

[Task(3)]
public class ForwardingTests
{
    [Test, Hint("See Hint 3.1: a new HttpRequestMessage with the same method, and the backend's base address plus the path and query.")]
    public async Task Method_path_and_query_reach_the_backend_as_sent()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var response = await run.Client.DeleteAsync("/api/items/7?force=true&tag=a%20b").WithDeadline();
        var seen = backend.Seen.Single();
        (seen.Method, seen.PathAndQuery).ShouldBe(("DELETE", "/api/items/7?force=true&tag=a%20b"), "The backend must get the client's method, path and query unchanged.");
    }

    [Test, Hint("See Hint 3.1: copy the status, the headers and the body of the backend's response back to the client.")]
    public async Task The_backends_status_headers_and_body_reach_the_client()
    {
        await using var backend = await RecordingBackend.StartAsync("a", async context =>
        {
            context.Response.StatusCode = 418;
            context.Response.Headers["X-Flavour"] = "earl grey";
            await context.Response.WriteAsync("short and stout");
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var response = await run.Client.GetAsync("/api/teapot").WithDeadline();
        ((int)response.StatusCode, response.Headers.GetValues("X-Flavour").Single(), await response.Content.ReadAsStringAsync())
            .ShouldBe((418, "earl grey", "short and stout"), "The client must get the backend's status, headers and body.");
    }

    [Test, Hint("See Hint 3.2: StreamContent over the request body, its Content-Type and Content-Length on the content.")]
    public async Task A_request_body_and_its_content_type_reach_the_backend()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        var payload = new string('x', 100_000) + "end";
        using var response = await run.Client.PostAsync("/api/upload", new StringContent(payload, Encoding.UTF8, "text/csv")).WithDeadline();
        var seen = backend.Seen.Single();
        (seen.Body.Length, seen.Body.EndsWith("end"), seen.Header("Content-Type")).ShouldBe((payload.Length, true, "text/csv; charset=utf-8"),
            "The backend must get the whole body with its content type.");
    }

    [Test, Points(2), TimeLimit(20), Hint("See Hint 3.2: never read the whole body first; hand the request body stream to the backend request.")]
    public async Task A_slow_upload_is_streamed_to_the_backend_before_it_ends()
    {
        var firstChunkArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await RecordingBackend.StartAsync("a", async context =>
        {
            var buffer = new byte[4];
            await context.Request.Body.ReadExactlyAsync(buffer, context.RequestAborted);
            firstChunkArrived.TrySetResult();
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            await context.Response.WriteAsync("done");
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        var content = new SlowUpload(firstChunkArrived.Task);
        using var response = await run.Client.PostAsync("/api/upload", content).WithDeadline(TimeSpan.FromSeconds(10),
            "the upload to finish: the second half is sent only once the backend has the first, so a gateway that buffers the body waits forever");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private sealed class SlowUpload(Task backendHasFirstChunk) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("ping"u8.ToArray());
            await stream.FlushAsync();
            await backendHasFirstChunk;
            await stream.WriteAsync("pong"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;   // chunked: the client does not know how long the upload is
        }
    }

    [Test, Hint("See Hint 3.3: Connection, Keep-Alive, TE, Trailer, Transfer-Encoding, Upgrade, Proxy-* belong to one connection; HopByHop.Headers lists them.")]
    public async Task Hop_by_hop_headers_are_not_forwarded_and_end_to_end_ones_are()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/x");
        request.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");
        request.Headers.TryAddWithoutValidation("Proxy-Authorization", "Basic c2VjcmV0");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "r-17");
        using var response = await run.Client.SendAsync(request).WithDeadline();
        var seen = backend.Seen.Single();
        (seen.Header("Keep-Alive"), seen.Header("Proxy-Authorization"), seen.Header("X-Request-Id"))
            .ShouldBe((null, null, "r-17"), "Keep-Alive and Proxy-Authorization stop at the gateway; X-Request-Id goes through.");
    }

    [Test, Points(2), Hint("See Hint 3.3: the names a Connection header lists are hop-by-hop too: remove them before anything else.")]
    public async Task Headers_named_in_connection_are_not_forwarded()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        // Only names in Connection: Kestrel reports "keep-alive, X-Name" (or "close, …") as the option alone.
        var status = await RawHttp.SendAsync(run.Gateway.Address, "GET /api/x HTTP/1.1\r\nHost: gw\r\nConnection: X-Internal-Secret\r\nX-Internal-Secret: hunter2\r\n\r\n");
        status.ShouldBe(200);
        backend.Seen.Single().Header("X-Internal-Secret").ShouldBeNull("A header the client named in Connection is hop-by-hop: it must not reach the backend.");
    }

    [Test, Hint("See Hint 3.3: the response's hop-by-hop and Connection-listed headers stop at the gateway too.")]
    public async Task Hop_by_hop_headers_of_the_response_do_not_reach_the_client()
    {
        await using var backend = await RecordingBackend.StartAsync("a", async context =>
        {
            context.Response.Headers["Connection"] = "X-Backend-Only";
            context.Response.Headers["X-Backend-Only"] = "1";
            context.Response.Headers["X-Public"] = "1";
            await context.Response.WriteAsync("ok");
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var response = await run.Client.GetAsync("/api/x").WithDeadline();
        (response.Headers.Contains("X-Backend-Only"), response.Headers.Contains("X-Public"))
            .ShouldBe((false, true), "X-Backend-Only was named in the backend's Connection header: it must not reach the client; X-Public must.");
    }

    [Test, Hint("See Hint 3.4: X-Forwarded-For is the client's address, X-Forwarded-Proto the scheme, X-Forwarded-Host the Host it asked for.")]
    public async Task X_forwarded_headers_name_the_client_the_scheme_and_the_host()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var response = await run.Client.GetAsync("/api/x").WithDeadline();
        var seen = backend.Seen.Single();
        (seen.Header("X-Forwarded-For"), seen.Header("X-Forwarded-Proto"), seen.Header("X-Forwarded-Host"))
            .ShouldBe(("127.0.0.1", "http", $"127.0.0.1:{run.Gateway.Address.Port}"), "The backend must learn who asked, over what, and for which host.");
    }

    [Test, Points(2), Hint("See Hint 3.4: append to the chain a client (or an earlier proxy) sent: \"earlier, yours\".")]
    public async Task X_forwarded_for_appends_to_an_existing_chain()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/x");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.7");
        using var response = await run.Client.SendAsync(request).WithDeadline();
        backend.Seen.Single().Header("X-Forwarded-For").ShouldBe("203.0.113.7, 127.0.0.1", "The gateway adds itself after the existing entries, comma-separated.");
    }

    [Test, Points(2), Hint("See Hint 3.4: remove the Connection-listed headers first, then append: the gateway's own X-Forwarded-For must always arrive.")]
    public async Task A_connection_header_cannot_smuggle_away_x_forwarded_for()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        var status = await RawHttp.SendAsync(run.Gateway.Address,
            "GET /api/x HTTP/1.1\r\nHost: gw\r\nConnection: X-Forwarded-For\r\nX-Forwarded-For: 6.6.6.6\r\n\r\n");
        status.ShouldBe(200);
        backend.Seen.Single().Header("X-Forwarded-For").ShouldBe("127.0.0.1",
            "The client's X-Forwarded-For was named in Connection, so it goes; the gateway's own entry must still reach the backend.");
    }

    [Test, Points(2), Hint("See Hint 3.5: an HttpRequestException from SendAsync means the backend was not reached: 502.")]
    public async Task A_backend_that_refuses_connections_is_a_502()
    {
        var backend = await RecordingBackend.StartAsync("gone");
        var config = backend.Config();
        await backend.DisposeAsync();
        await using var run = await GatewayRun.StartAsync(new RouteConfig("api", "/api", [config], Health: Routes.QuietHealth));
        (await run.GetAsync("/api/x")).Status.ShouldBe(HttpStatusCode.BadGateway, "Nobody listens at the backend's port: Bad Gateway.");
    }

    [Test, Points(2), Hint("See Hint 3.6: a CancellationTokenSource(timeout, time) on the gateway's clock; when it fires before the answer, 504.")]
    public async Task A_backend_slower_than_the_route_timeout_is_a_504_on_the_clock()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await RecordingBackend.StartAsync("slow", async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var route = Routes.To("/api", backend) with { Timeout = TimeSpan.FromSeconds(3) };
        await using var run = await GatewayRun.StartAsync(route);
        var pending = run.GetAsync("/api/x");
        await arrived.Task.WithDeadline();
        run.Clock.Advance(TimeSpan.FromSeconds(3));
        (await pending).Status.ShouldBe(HttpStatusCode.GatewayTimeout, "No answer within the route's 3 s (on the gateway's clock): Gateway Timeout.");
    }

    [Test, Hint("See Hint 3.6: the timeout runs on the clock, never on the wall: before it passes, a slow answer still arrives.")]
    public async Task A_slow_backend_within_the_timeout_still_answers()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await RecordingBackend.StartAsync("slow", async context =>
        {
            arrived.TrySetResult();
            await release.Task;
            await context.Response.WriteAsync("late but fine");
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend) with { Timeout = TimeSpan.FromSeconds(3) });
        var pending = run.GetAsync("/api/x");
        await arrived.Task.WithDeadline();
        run.Clock.Advance(TimeSpan.FromSeconds(2.9));
        release.SetResult();
        (await pending).ShouldBe((HttpStatusCode.OK, "late but fine"), "2.9 s of the 3 s timeout have passed: the answer must go through.");
    }

    [Test, Hint("See Hint 3.7: longest prefix first, at a segment boundary; no route is a 404 and nothing is forwarded.")]
    public async Task Requests_go_to_the_route_with_the_longest_matching_prefix()
    {
        await using var api = await RecordingBackend.StartAsync("api");
        await using var admin = await RecordingBackend.StartAsync("admin");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", api), Routes.To("/api/admin", admin));
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var path in new[] { "/api/admin/users", "/api/users", "/apix" }) answers.Add(await run.GetAsync(path));
        answers.ShouldBe([(HttpStatusCode.OK, "admin"), (HttpStatusCode.OK, "api"), (HttpStatusCode.NotFound, "")],
            "/api/admin/users → admin, /api/users → api, /apix matches no route (prefixes end at a '/').");
    }

    [Test, Points(2), Hint("See Hint 3.8: a 101 from the backend: UpgradeAsync on the client's side, the response stream on the backend's, and copy both ways.")]
    public async Task A_websocket_upgrade_is_passed_through_to_the_backend()
    {
        await using var backend = await RecordingBackend.StartAsync("ws", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[1024];
            var message = await socket.ReceiveAsync(buffer, context.RequestAborted);
            await socket.SendAsync(Encoding.UTF8.GetBytes("echo: " + Encoding.UTF8.GetString(buffer, 0, message.Count)), WebSocketMessageType.Text, true, context.RequestAborted);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/chat", backend));
        using var client = new ClientWebSocket();
        using var deadline = Deadline.Start();
        await client.ConnectAsync(new Uri($"ws://127.0.0.1:{run.Gateway.Address.Port}/chat/room"), deadline.Token);
        await client.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Text, true, deadline.Token);
        var buffer = new byte[1024];
        var received = await client.ReceiveAsync(buffer, deadline.Token);
        Encoding.UTF8.GetString(buffer, 0, received.Count).ShouldBe("echo: hello", "A WebSocket through the gateway must reach the backend and carry its answer back.");
    }
}
