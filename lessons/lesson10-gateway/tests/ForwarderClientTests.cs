namespace NetCourse.Lesson10.Tests;

/// <summary>The forwarder's own HTTP client: a proxy's, on the gateway's clock, passing on only what the client sent.</summary>
[Task(3)]
public class ForwarderClientTests
{
    [Test, Hint("See Hint 3.1: a proxy's client keeps no cookies (UseCookies = false), or one client's cookie goes to the backend with every other client's request.")]
    public async Task A_cookie_the_backend_sets_is_not_sent_back_with_the_next_request()
    {
        await using var backend = await RecordingBackend.StartAsync("a", context =>
        {
            context.Response.Headers.SetCookie = "session=alice; Path=/";
            return Task.CompletedTask;
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        (await run.GetAsync("/api/login")).Status.ShouldBe(HttpStatusCode.OK);
        (await run.GetAsync("/api/profile")).Status.ShouldBe(HttpStatusCode.OK);
        backend.Seen[1].Header("Cookie").ShouldBeNull(
            "The second request came without a cookie (its client keeps none): the gateway must not add the one the backend set in answer to the first.");
    }

    [Test, Hint("See Hint 3.1: a proxy's client follows no redirects (AllowAutoRedirect = false): a 3xx is the backend's answer, passed on as it is.")]
    public async Task A_redirect_from_the_backend_reaches_the_client_as_it_is()
    {
        await using var backend = await RecordingBackend.StartAsync("a", async context =>
        {
            if (context.Request.Path == "/api/old")
            {
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = "/api/new";
                return;
            }
            await context.Response.WriteAsync("moved here");
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        using var response = await run.Client.GetAsync("/api/old").WithDeadline();
        ((int)response.StatusCode, response.Headers.Location?.OriginalString, backend.Count).ShouldBe((302, "/api/new", 1),
            "The backend's 302 is its answer: the client must get it (and decide whether to follow), the gateway must not follow it.");
    }

    [Test, Hint("See Hint 3.6: the timeout is a CancellationTokenSource(timeout, time) on the gateway's clock, never the system's.")]
    public async Task A_backend_slower_than_a_long_route_timeout_is_a_504_as_soon_as_the_clock_passes_it()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await RecordingBackend.StartAsync("slow", async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend) with { Timeout = TimeSpan.FromMinutes(30) });
        var pending = run.GetAsync("/api/x");
        await arrived.Task.WithDeadline();
        run.Clock.Advance(TimeSpan.FromMinutes(30));
        (await pending).Status.ShouldBe(HttpStatusCode.GatewayTimeout,
            "The route's 30 minutes have passed on the gateway's clock: Gateway Timeout at once, not 30 minutes later.");
    }

    [Test, Hint("See Hint 3.2: IHttpRequestBodyDetectionFeature.CanHaveBody false means no content on the backend request at all.")]
    public async Task A_request_without_a_body_reaches_the_backend_without_one()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend));
        (await run.GetAsync("/api/x")).Status.ShouldBe(HttpStatusCode.OK);
        var seen = backend.Seen.Single();
        (seen.Header("Transfer-Encoding"), seen.Header("Content-Length") is null or "0").ShouldBe((null, true),
            "The client's GET had no body: the backend's must have none either (no chunked body, even an empty one).");
    }
}
