namespace NetCourse.Lesson10.Tests;

[Task(3)]
public class HostileInputTests
{
    [Test, Hint("See Hint 3.9: Kestrel's header count limit (100) answers 431 before the gateway's code runs; do not raise it.")]
    public async Task A_request_with_200_headers_is_refused_and_not_forwarded()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        var headers = string.Concat(Enumerable.Range(0, 200).Select(i => $"X-H{i}: {i}\r\n"));
        var status = await RawHttp.SendAsync(run.Gateway.Address, $"GET /api/x HTTP/1.1\r\nHost: gw\r\n{headers}\r\n");
        (status, backend.Count).ShouldBe((431, 0), "200 headers: Request Header Fields Too Large, and nothing forwarded.");
    }

    [Test, Hint("See Hint 3.9: Kestrel's limit on the size of the headers answers 431.")]
    public async Task An_over_long_header_line_is_refused_and_not_forwarded()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        var status = await RawHttp.SendAsync(run.Gateway.Address, $"GET /api/x HTTP/1.1\r\nHost: gw\r\nX-Long: {new string('a', 40 * 1024)}\r\n\r\n");
        (status, backend.Count).ShouldBe((431, 0), "A 40 KiB header line: 431, and nothing forwarded.");
    }

    [Test, Points(2), Hint("See Hint 3.10: look at the raw target (IHttpRequestFeature.RawTarget): a '..' segment, even percent-encoded, is a 400.")]
    public async Task A_path_that_climbs_with_dot_dot_is_a_400_and_reaches_no_backend()
    {
        await using var open = await RecordingBackend.StartAsync("public");
        await using var locked = await RecordingBackend.StartAsync("admin");
        await using var run = await GatewayRun.StartAsync(Routes.To("/public", open), Routes.To("/admin", locked));
        var plain = await RawHttp.SendAsync(run.Gateway.Address, "GET /public/../admin/keys HTTP/1.1\r\nHost: gw\r\n\r\n");
        var encoded = await RawHttp.SendAsync(run.Gateway.Address, "GET /public/%2e%2e/admin/keys HTTP/1.1\r\nHost: gw\r\n\r\n");
        (plain, encoded, open.Count + locked.Count).ShouldBe((400, 400, 0), "A path with '..' (plain or %2e%2e) is refused with 400, and no backend sees it.");
    }
}
