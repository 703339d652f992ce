namespace NetCourse.Lesson10.Tests;

[Task(5)]
public class CircuitBreakerTests
{
    private static readonly BreakerOptions Options = new(WindowSize: 10, MinimumRequests: 4, FailureRatio: 0.5, CoolDown: TimeSpan.FromSeconds(30));

    private static void Outcomes(CircuitBreaker breaker, string outcomes)
    {
        foreach (var o in outcomes)
        {
            breaker.TryEnter().ShouldBeTrue("A closed breaker lets every request through.");
            if (o == 'F') breaker.OnFailure();
            else breaker.OnSuccess();
        }
    }

    [Test, Hint("See Hint 5.1: open when the window holds at least MinimumRequests and failures / count reaches FailureRatio.")]
    public void The_breaker_opens_when_the_failure_ratio_reaches_the_threshold()
    {
        var breaker = new CircuitBreaker(Options, new ManualClock());
        Outcomes(breaker, "SSFF");
        (breaker.State, breaker.TryEnter()).ShouldBe((CircuitState.Open, false), "2 failures in 4 requests is 50%: open, and the next request is refused.");
    }

    [Test, Points(2), Hint("See Hint 5.1: no verdict before MinimumRequests: three failures out of three is not enough evidence yet.")]
    public void The_breaker_stays_closed_below_the_minimum_number_of_requests()
    {
        var breaker = new CircuitBreaker(Options, new ManualClock());
        Outcomes(breaker, "FFF");
        breaker.State.ShouldBe(CircuitState.Closed, "3 requests are fewer than MinimumRequests (4): stay closed, whatever their outcome.");
    }

    [Test, Points(2), Hint("See Hint 5.2: the window slides: only the last WindowSize outcomes count, so old successes cannot hide new failures.")]
    public void Recent_failures_open_the_breaker_whatever_succeeded_long_ago()
    {
        var breaker = new CircuitBreaker(Options, new ManualClock());
        Outcomes(breaker, new string('S', 40) + "FFFFF");
        breaker.State.ShouldBe(CircuitState.Open, "The last 10 outcomes hold 5 failures (50%): open. The 40 successes before them are out of the window.");
    }

    [Test, Points(2), Hint("See Hint 5.3: open means refused at once until CoolDown has passed on the clock; then one probe.")]
    public void After_the_cool_down_the_breaker_is_half_open_and_lets_one_probe_through()
    {
        var clock = new ManualClock();
        var breaker = new CircuitBreaker(Options, clock);
        Outcomes(breaker, "FFFF");
        clock.Advance(Options.CoolDown - TimeSpan.FromSeconds(1));
        breaker.TryEnter().ShouldBeFalse("1 s before the cool-down ends the breaker is still open.");
        clock.Advance(TimeSpan.FromSeconds(1));
        (breaker.State, breaker.TryEnter()).ShouldBe((CircuitState.HalfOpen, true), "Cool-down over: half-open, and the first request is the probe.");
    }

    [Test, Points(3), Hint("See Hint 5.4: in half-open exactly one caller gets true (test and set under one lock); the herd behind it is refused.")]
    public void Half_open_lets_exactly_one_probe_through_a_thundering_herd()
    {
        var clock = new ManualClock();
        var breaker = new CircuitBreaker(Options, clock);
        Outcomes(breaker, "FFFF");
        clock.Advance(Options.CoolDown);
        using var start = new Barrier(8);
        var admitted = 0;
        var herd = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 50; i++) if (breaker.TryEnter()) Interlocked.Increment(ref admitted);
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(herd, Deadline.Standard).ShouldBeTrue("The herd should finish.");
        admitted.ShouldBe(1, "400 concurrent attempts on a half-open breaker: exactly one probe, or the backend that just came back is flattened again.");
    }

    [Test, Hint("See Hint 5.5: the probe's success closes the breaker, with an empty window.")]
    public void A_successful_probe_closes_the_breaker()
    {
        var clock = new ManualClock();
        var breaker = new CircuitBreaker(Options, clock);
        Outcomes(breaker, "FFFF");
        clock.Advance(Options.CoolDown);
        breaker.TryEnter();
        breaker.OnSuccess();
        (breaker.State, breaker.TryEnter(), breaker.TryEnter()).ShouldBe((CircuitState.Closed, true, true), "The probe succeeded: closed, and requests flow again.");
    }

    [Test, Points(2), Hint("See Hint 5.5: the probe's failure reopens the breaker for a whole new cool-down, from now.")]
    public void A_failed_probe_opens_the_breaker_for_a_new_cool_down()
    {
        var clock = new ManualClock();
        var breaker = new CircuitBreaker(Options, clock);
        Outcomes(breaker, "FFFF");
        clock.Advance(Options.CoolDown);
        breaker.TryEnter();
        breaker.OnFailure();
        clock.Advance(Options.CoolDown - TimeSpan.FromSeconds(1));
        (breaker.State, breaker.TryEnter()).ShouldBe((CircuitState.Open, false), "The probe failed: open again, for a full cool-down from the probe's failure.");
    }

    [Test, Hint("See Hint 5.2: the window holds exactly WindowSize outcomes, the oldest dropped only when one more arrives.")]
    public void The_window_holds_exactly_window_size_outcomes()
    {
        var breaker = new CircuitBreaker(Options, new ManualClock());
        Outcomes(breaker, "FSSSSSFFFF");
        breaker.State.ShouldBe(CircuitState.Open, "10 outcomes, 5 failures: 50% over a window of 10, open. A window one short would hold 4 failures in 9.");
    }

    [Test, Points(2), Hint("See Hint 5.2: an outcome leaving the window takes its failure out of the count.")]
    public void A_failure_that_leaves_the_window_no_longer_counts()
    {
        var breaker = new CircuitBreaker(Options, new ManualClock());
        Outcomes(breaker, "FSSSSSSFFFF");
        breaker.State.ShouldBe(CircuitState.Closed, "The first failure has left the window of 10: 4 failures in 10 is 40%, closed.");
    }


    [Test, Points(2), Hint("See Hint 5.6: the gateway asks the backend's breaker before forwarding; open means 503 at once, the backend untouched.")]
    public async Task An_open_breaker_answers_at_once_without_touching_the_backend()
    {
        await using var backend = await RecordingBackend.StartAsync("a", context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend) with { Breaker = Options });
        for (var i = 0; i < 4; i++) (await run.GetAsync("/api/x")).Status.ShouldBe(HttpStatusCode.InternalServerError);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await run.GetAsync("/api/x")).Status);
        (statuses.Distinct().Single(), backend.Count).ShouldBe((HttpStatusCode.ServiceUnavailable, 4),
            "Four 500s open the breaker: the next five get 503 from the gateway, and the backend sees none of them.");
    }
}
