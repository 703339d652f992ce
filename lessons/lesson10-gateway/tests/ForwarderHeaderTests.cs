namespace NetCourse.Lesson10.Tests;

[Task(3)]
public class ForwarderHeaderTests
{
    /// <summary>The entries of a comma-separated chain, however many lines it came on, as "a | b".</summary>
    private static string Chain(string? value) =>
        value is null ? "(none)" : string.Join(" | ", value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [Test, Hint("See \"Host is the backend's\" in the rules of a proxy: leave the client's Host out of the copied headers; the request's URI gives the backend's.")]
    public async Task The_request_to_the_backend_carries_the_backends_host()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/x");
        request.Headers.Host = "public.example";
        using var response = await run.Client.SendAsync(request).WithDeadline();
        backend.Seen.Single().Header("Host").ShouldBe(backend.Address.Authority,
            "The client asked for public.example; the backend must get its own host (the client's goes in X-Forwarded-Host).");
    }

    [Test, Hint("See Hint 3.4: a header sent on two lines is one list (RFC 9110 §5.3): join its values with \", \" before appending.")]
    public async Task X_forwarded_for_sent_on_two_lines_is_one_chain()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        var status = await RawHttp.SendAsync(run.Gateway.Address,
            "GET /api/x HTTP/1.1\r\nHost: gw\r\nX-Forwarded-For: 203.0.113.7\r\nX-Forwarded-For: 198.51.100.2\r\n\r\n");
        status.ShouldBe(200);
        Chain(backend.Seen.Single().Header("X-Forwarded-For")).ShouldBe("203.0.113.7 | 198.51.100.2 | 127.0.0.1",
            "The client's two X-Forwarded-For lines are one chain of two entries; the gateway adds itself after both.");
    }

    [Test, Hint("See Hint 3.4: X-Forwarded-Proto and X-Forwarded-Host are chains too: leave the client's out of the copy, then append to them.")]
    public async Task X_forwarded_proto_and_host_append_to_an_existing_chain()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/x");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "public.example");
        using var response = await run.Client.SendAsync(request).WithDeadline();
        var seen = backend.Seen.Single();
        (Chain(seen.Header("X-Forwarded-Proto")), Chain(seen.Header("X-Forwarded-Host")))
            .ShouldBe(("https | http", $"public.example | 127.0.0.1:{run.Gateway.Address.Port}"),
                "An earlier proxy's entry stays in front and the gateway's is appended once, after it.");
    }

    [Test, Hint("See Hint 3.3: split the Connection header at commas and trim: every name it lists is hop-by-hop.")]
    public async Task Every_header_the_clients_connection_header_lists_stops_at_the_gateway()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        var status = await RawHttp.SendAsync(run.Gateway.Address,
            "GET /api/x HTTP/1.1\r\nHost: gw\r\nConnection: X-One, X-Two\r\nX-One: 1\r\nX-Two: 2\r\nX-Three: 3\r\n\r\n");
        status.ShouldBe(200);
        var seen = backend.Seen.Single();
        (seen.Header("X-One"), seen.Header("X-Two"), seen.Header("X-Three")).ShouldBe((null, null, "3"),
            "Connection: X-One, X-Two makes both hop-by-hop; X-Three was not listed and goes through.");
    }

    [Test, Hint("See Hint 3.3: on the response too, every name the backend's Connection header lists stops at the gateway.")]
    public async Task Every_header_the_backends_connection_header_lists_stops_at_the_gateway()
    {
        await using var backend = await RecordingBackend.StartAsync("a", async context =>
        {
            context.Response.Headers["Connection"] = "X-One, X-Two";
            context.Response.Headers["X-One"] = "1";
            context.Response.Headers["X-Two"] = "2";
            context.Response.Headers["X-Public"] = "3";
            await context.Response.WriteAsync("ok");
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var response = await run.Client.GetAsync("/api/x").WithDeadline();
        (response.Headers.Contains("X-One"), response.Headers.Contains("X-Two"), response.Headers.Contains("X-Public"))
            .ShouldBe((false, false, true), "The backend's Connection header named X-One and X-Two: neither may reach the client; X-Public must.");
    }

    [Test, Hint("See Hint 3.1: copy response.Content.Headers as well as response.Headers.")]
    public async Task The_backends_content_type_reaches_the_client()
    {
        await using var backend = await RecordingBackend.StartAsync("a", async context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync("{}");
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var response = await run.Client.GetAsync("/api/x").WithDeadline();
        (response.Content.Headers.ContentType?.ToString()).ShouldBe("application/json; charset=utf-8",
            "Content-Type is a content header of the backend's response: it must reach the client.");
    }

    [Test, Hint("See Hint 3.3: Upgrade is hop-by-hop; only a 101 to a WebSocket upgrade keeps it (Hint 3.8).")]
    public async Task The_upgrade_header_of_an_ordinary_response_stops_at_the_gateway()
    {
        await using var backend = await RecordingBackend.StartAsync("a", async context =>
        {
            // What some servers send on every HTTP/1.1 answer, to advertise HTTP/2.
            context.Response.Headers["Upgrade"] = "h2c";
            await context.Response.WriteAsync("ok");
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var response = await run.Client.GetAsync("/api/x").WithDeadline();
        ((int)response.StatusCode, response.Headers.Contains("Upgrade")).ShouldBe((200, false),
            "The backend's Upgrade: h2c belongs to its connection with the gateway: it must not reach the client.");
    }

    [Test, Hint("See Hint 3.8: only a request that is upgradable and asks for Upgrade: websocket is a WebSocket upgrade; any other is an ordinary request.")]
    public async Task A_request_to_upgrade_to_another_protocol_is_not_made_a_websocket_upgrade()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        var status = await RawHttp.SendAsync(run.Gateway.Address,
            "GET /api/x HTTP/1.1\r\nHost: gw\r\nConnection: Upgrade\r\nUpgrade: IRC/6.9\r\n\r\n");
        status.ShouldBe(200);
        backend.Seen.Single().Header("Upgrade").ShouldBeOneOf([null, "IRC/6.9"],
            "The client asked to upgrade to IRC/6.9, not to WebSocket: the backend must not get a WebSocket upgrade it never asked for.");
    }
}
