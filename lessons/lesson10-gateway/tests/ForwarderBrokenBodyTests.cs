namespace NetCourse.Lesson10.Tests;

/// <summary>A response body that breaks off after its status has gone to the client.</summary>
[Task(3)]
public class ForwarderBrokenBodyTests
{
    /// <summary>200 and the first chunk of a chunked body, then the backend's side closed: the body never ends.</summary>
    private const string BrokenOffResponse =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n14\r\nthe first half, then\r\n";

    [Test, Hint("See Hint 3.5: an error while copying the body, after the status has gone: context.Abort(), so the client sees a broken response.")]
    public async Task A_body_the_backend_breaks_off_reaches_the_client_broken_not_short_and_whole()
    {
        await using var backend = await RawExchange.StartBackendAsync(BrokenOffResponse);
        var config = new BackendConfig("raw", new Uri($"http://127.0.0.1:{backend.EndPoint.Port}/"), 1);
        await using var run = await GatewayRun.StartAsync(new RouteConfig("api", "/api", [config], Health: Routes.QuietHealth));
        // Whether the client's connection breaks before or after the status line reaches it, the
        // client must not get a response that looks whole.
        await Should.ThrowAsync<HttpRequestException>(run.Client.GetAsync("/api/x").WithDeadline(what: "the whole response"),
            "The backend cut its body short: the client must see a broken response (the gateway aborts its connection), not a short body that ends cleanly.");
    }

    [Test, Hint("See Hint 3.5: a backend that breaks the connection mid-body is Unreachable (ForwardOutcome says so): the health monitor and the breaker must hear of it.")]
    public async Task A_body_the_backend_breaks_off_is_Unreachable()
    {
        await using var backend = await RawExchange.StartBackendAsync(BrokenOffResponse);
        await using var front = await ForwarderFront.StartAsync(new Uri($"http://127.0.0.1:{backend.EndPoint.Port}/"));
        using var deadline = Deadline.Start();
        using var client = await RawExchange.ConnectAsync(front.Address, "GET /x HTTP/1.1\r\nHost: front\r\n\r\n", deadline.Token);
        var result = await front.FirstResult.WithDeadline(what: "ForwardAsync's result");
        result.Outcome.ShouldBe(ForwardOutcome.Unreachable, "The backend broke the connection in the middle of its body: that is the backend's failure.");
    }

    [Test, Hint("See Hint 3.5: a copy of the body that fails because the client went away (context.RequestAborted) is ClientAborted, not the backend's fault.")]
    public async Task A_client_that_goes_away_mid_body_is_ClientAborted()
    {
        var bodyStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await RecordingBackend.StartAsync("a", async context =>
        {
            await context.Response.WriteAsync("the first half", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            bodyStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        await using var front = await ForwarderFront.StartAsync(backend.Address);
        using var deadline = Deadline.Start();
        using (var socket = await RawExchange.ConnectAsync(front.Address, "GET /x HTTP/1.1\r\nHost: front\r\n\r\n", deadline.Token))
        {
            (await RawExchange.ReadHeadAsync(socket, deadline.Token)).Status.ShouldBe(200);
            await bodyStarted.Task.WithDeadline();
            socket.LingerState = new LingerOption(true, 0);   // a reset: the client is gone
        }
        var result = await front.FirstResult.WithDeadline(what: "ForwardAsync's result");
        result.Outcome.ShouldBe(ForwardOutcome.ClientAborted, "The client reset its connection while the body was flowing: nobody's fault but the client's.");
    }
}
