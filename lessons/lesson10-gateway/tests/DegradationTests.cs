namespace NetCourse.Lesson10.Tests;

[Task(6)]
public class DegradationTests
{
    private static readonly BreakerOptions Breaker = new(WindowSize: 4, MinimumRequests: 2, FailureRatio: 0.5, CoolDown: TimeSpan.FromSeconds(30));
    private static readonly FallbackConfig Static = new(Status: 200, Body: "{\"items\":[],\"degraded\":true}", ContentType: "application/json");

    private static Task Fail(HttpContext context)
    {
        context.Response.StatusCode = 503;
        return Task.CompletedTask;
    }

    [Test, Points(2), Hint("See Hint 6.1: when the breaker refuses, answer the route's fallback instead of 503.")]
    public async Task An_open_breaker_serves_the_static_fallback()
    {
        await using var backend = await RecordingBackend.StartAsync("a", Fail);
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend) with { Breaker = Breaker, Fallback = Static });
        await run.GetAsync("/api/x");
        await run.GetAsync("/api/x");
        using var response = await run.Client.GetAsync("/api/x").WithDeadline();
        ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync())
            .ShouldBe((200, "application/json", Static.Body), "The breaker is open: the client gets the fallback's status, type and body.");
    }

    [Test, Points(2), Hint("See Hint 6.1: when the balancer has no backend up, degrade the same way.")]
    public async Task Every_backend_down_serves_the_fallback()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        var route = Routes.To("/api", backend) with { Fallback = Static };
        await using var run = await GatewayRun.StartAsync(route);
        run.Gateway.BackendsOf(route.Name)[0].IsUp = false;
        (await run.GetAsync("/api/x")).ShouldBe((HttpStatusCode.OK, Static.Body), "Every backend is down: the route still answers, with its fallback.");
        backend.Count.ShouldBe(0, "A down backend gets nothing.");
    }

    [Test, Hint("See Hint 6.2: a fallback with a Backend forwards there instead of answering a static body.")]
    public async Task A_fallback_backend_takes_the_traffic_while_the_breaker_is_open()
    {
        await using var primary = await RecordingBackend.StartAsync("primary", Fail);
        await using var secondary = await RecordingBackend.StartAsync("secondary");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", primary) with { Breaker = Breaker, Fallback = new FallbackConfig(Backend: secondary.Address) });
        await run.GetAsync("/api/x");
        await run.GetAsync("/api/x");
        (await run.GetAsync("/api/orders?page=2")).ShouldBe((HttpStatusCode.OK, "secondary"), "The breaker is open: the secondary backend answers.");
        secondary.Seen.Single().PathAndQuery.ShouldBe("/api/orders?page=2", "The secondary gets the request as the primary would have.");
    }

    [Test, Hint("See Hint 6.3: without a fallback, no backend means 503 Service Unavailable.")]
    public async Task Without_a_fallback_every_backend_down_is_a_503()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        var route = Routes.To("/api", backend);
        await using var run = await GatewayRun.StartAsync(route);
        run.Gateway.BackendsOf(route.Name)[0].IsUp = false;
        (await run.GetAsync("/api/x")).Status.ShouldBe(HttpStatusCode.ServiceUnavailable, "No backend up and no fallback: 503.");
    }

    [Test, Points(2), Hint("See Hint 6.4: after the cool-down the next request is the probe; its success closes the breaker and traffic returns.")]
    public async Task The_route_recovers_when_the_probe_after_the_cool_down_succeeds()
    {
        var failing = true;
        await using var backend = await RecordingBackend.StartAsync("a", context => failing ? Fail(context) : context.Response.WriteAsync("back"));
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend) with { Breaker = Breaker, Fallback = Static });
        await run.GetAsync("/api/x");
        await run.GetAsync("/api/x");
        failing = false;
        (await run.GetAsync("/api/x")).Body.ShouldBe(Static.Body, "Still inside the cool-down: the fallback.");
        run.Clock.Advance(Breaker.CoolDown);
        var after = new List<string>();
        for (var i = 0; i < 3; i++) after.Add((await run.GetAsync("/api/x")).Body);
        after.ShouldBe(["back", "back", "back"], "After the cool-down the probe succeeds and the breaker closes: the backend answers again.");
    }
}
