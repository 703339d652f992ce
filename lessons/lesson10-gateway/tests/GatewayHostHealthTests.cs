namespace NetCourse.Lesson10.Tests;

[Task(2)]
public class GatewayHostHealthTests
{
    [Test, Hint("See Hint 2.6: a request the backend answered is a ReportSuccess, which starts its count of failures in a row again.")]
    public async Task A_request_the_backend_answers_starts_its_failure_count_again()
    {
        // Odd requests are reset unanswered (502, a failure); even ones are answered. The answer is
        // chunked, so the client has it whole only once the gateway's handler has returned.
        await using var backend = await GatewayHostRawBackend.StartAsync(n => n % 2 == 1
            ? RawAnswer.Reset
            : new RawAnswer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\nok\r\n0\r\n\r\n"u8.ToArray(), ThenClose: true));
        var route = new RouteConfig("api", "/api", [backend.Config("a")], Health: Routes.QuietHealth with { Fall = 2 });
        await using var run = await GatewayRun.StartAsync(route);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await run.GetAsync("/api/x")).Status);
        statuses.ShouldBe([HttpStatusCode.BadGateway, HttpStatusCode.OK, HttpStatusCode.BadGateway, HttpStatusCode.OK],
            "fail, answer, fail is never Fall (2) failures in a row: the backend stays up and answers the fourth request.");
    }

    [Test, Hint("See Hint 2.7: the probe's answer must be a 2xx itself; a redirect is not followed.")]
    public async Task A_health_probe_answered_with_a_redirect_is_a_failure()
    {
        await using var backend = await KestrelHost.StartAsync(context =>
        {
            if (context.Request.Path == "/health") context.Response.Redirect("/login");
            return Task.CompletedTask;   // /login: 200
        });
        var route = new RouteConfig("api", "/api", [new BackendConfig("a", backend.Address)], Health: Routes.QuietHealth with { Fall = 1 });
        await using var run = await GatewayRun.StartAsync(route);
        run.Clock.Advance(Routes.QuietHealth.Interval);
        await Wait.UntilAsync(() => run.Gateway.HealthOf(route.Name).Rounds >= 1, what: "a round of HTTP probes");
        run.Gateway.BackendsOf(route.Name).Single().IsUp.ShouldBeFalse("/health answered 302 (to a page that answers 200): not a 2xx, so with Fall 1 the backend is down.");
    }
}
