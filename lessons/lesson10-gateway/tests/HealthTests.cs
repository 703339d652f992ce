namespace NetCourse.Lesson10.Tests;

[Task(2)]
public class HealthTests
{
    private static readonly HealthOptions Options = new("/health", TimeSpan.FromSeconds(5), Rise: 2, Fall: 3, TimeSpan.FromSeconds(1));

    private sealed class Probes
    {
        public readonly Dictionary<string, bool> Healthy = [];
        public int Calls;

        public Task<bool> ProbeAsync(Backend backend, CancellationToken token)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(Healthy.GetValueOrDefault(backend.Name, true));
        }
    }

    private static (Backend[] Backends, Probes Probes, HealthMonitor Monitor) Monitor(ManualClock? clock = null)
    {
        Backend[] backends = [new("a", new Uri("http://a.test/")), new("b", new Uri("http://b.test/"))];
        var probes = new Probes();
        return (backends, probes, new HealthMonitor(backends, Options, probes.ProbeAsync, clock ?? new ManualClock()));
    }

    [Test, Hint("See Hint 2.1: count failures in a row per backend; mark it down when the count reaches Fall, not before.")]
    public async Task A_backend_is_marked_down_after_fall_failed_probes_in_a_row()
    {
        var (backends, probes, monitor) = Monitor();
        await using var _ = monitor;
        probes.Healthy["b"] = false;
        await monitor.ProbeOnceAsync().WithDeadline();
        await monitor.ProbeOnceAsync().WithDeadline();
        backends[1].IsUp.ShouldBeTrue("Two failed probes are fewer than Fall (3): b stays up.");
        await monitor.ProbeOnceAsync().WithDeadline();
        backends[1].IsUp.ShouldBeFalse("The third failed probe in a row reaches Fall: b is down.");
    }

    [Test, Hint("See Hint 2.1: a success in between resets the failure count.")]
    public async Task A_success_between_failures_starts_the_count_again()
    {
        var (backends, probes, monitor) = Monitor();
        await using var _ = monitor;
        foreach (var healthy in new[] { false, false, true, false, false })
        {
            probes.Healthy["b"] = healthy;
            await monitor.ProbeOnceAsync().WithDeadline();
        }
        backends[1].IsUp.ShouldBeTrue("fail, fail, ok, fail, fail is never three failures in a row: b stays up.");
    }

    [Test, Points(2), Hint("See Hint 2.2: a down backend comes back after Rise successes in a row, and the balancer picks it again.")]
    public async Task A_backend_that_comes_back_is_used_again_after_rise_good_probes()
    {
        var (backends, probes, monitor) = Monitor();
        await using var _ = monitor;
        var balancer = new RoundRobinBalancer(backends);
        probes.Healthy["b"] = false;
        for (var i = 0; i < 3; i++) await monitor.ProbeOnceAsync().WithDeadline();
        probes.Healthy["b"] = true;
        await monitor.ProbeOnceAsync().WithDeadline();
        backends[1].IsUp.ShouldBeFalse("One good probe is fewer than Rise (2): b stays down.");
        await monitor.ProbeOnceAsync().WithDeadline();
        Enumerable.Range(0, 4).Select(_ => balancer.Pick("k")!.Name).ShouldContain("b", "After Rise good probes b is up and round robin picks it again.");
    }

    [Test, Points(2), Hint("See Hint 2.3: a PeriodicTimer on the TimeProvider you were given; each tick is one round of probes.")]
    public async Task Probes_run_on_the_interval_of_the_clock_and_not_before()
    {
        var clock = new ManualClock();
        var (_, probes, monitor) = Monitor(clock);
        await using var __ = monitor;
        monitor.Start();
        clock.Advance(Options.Interval - TimeSpan.FromMilliseconds(1));
        monitor.Rounds.ShouldBe(0, "No probe before the first interval has passed on the clock.");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Wait.UntilAsync(() => monitor.Rounds == 1, what: "one round of probes after one interval");
        clock.Advance(Options.Interval);
        await Wait.UntilAsync(() => monitor.Rounds == 2, what: "a second round after a second interval");
        probes.Calls.ShouldBe(4, "Each round probes each of the two backends once.");
    }

    [Test, Hint("See Hint 2.4: a probe that throws, or does not finish within the timeout, is a failed probe.")]
    public async Task A_probe_that_throws_counts_as_a_failure()
    {
        Backend[] backends = [new("a", new Uri("http://a.test/"))];
        await using var monitor = new HealthMonitor(backends, Options with { Fall = 1 }, (_, _) => throw new HttpRequestException("refused"), new ManualClock());
        await monitor.ProbeOnceAsync().WithDeadline();
        backends[0].IsUp.ShouldBeFalse("A probe that throws is a failed probe: with Fall 1, a is down.");
    }

    [Test, Hint("See Hint 2.4: the probe's token must fire after HealthOptions.Timeout on the clock.")]
    public async Task A_probe_that_hangs_fails_at_its_timeout_on_the_clock()
    {
        var clock = new ManualClock();
        Backend[] backends = [new("a", new Uri("http://a.test/"))];
        var started = new TaskCompletionSource();
        await using var monitor = new HealthMonitor(backends, Options with { Fall = 1 }, async (_, token) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            return true;
        }, clock);
        var round = monitor.ProbeOnceAsync();
        await started.Task.WithDeadline();
        clock.Advance(Options.Timeout);
        await round.WithDeadline();
        backends[0].IsUp.ShouldBeFalse("A probe still running at its timeout is a failure.");
    }

    [Test, Hint("See Hint 2.5: ReportFailure counts like a failed probe: Fall of them in a row and the backend is down.")]
    public async Task Passive_failures_mark_a_backend_down_after_the_fall_count()
    {
        var (backends, _, monitor) = Monitor();
        await using var __ = monitor;
        monitor.ReportFailure(backends[0]);
        monitor.ReportFailure(backends[0]);
        backends[0].IsUp.ShouldBeTrue("Two failed requests are fewer than Fall (3).");
        monitor.ReportFailure(backends[0]);
        backends[0].IsUp.ShouldBeFalse("Three failed requests in a row: a is down.");
    }

    [Test, Points(2), Hint("See Hint 2.6: the gateway reports every request that could not reach a backend; after Fall of them the balancer skips it.")]
    public async Task A_backend_killed_mid_stream_gets_502_then_no_more_traffic_after_the_fall_count()
    {
        await using var good = await RecordingBackend.StartAsync("good");
        // A backend that takes each request and dies: it reads, then resets the connection.
        await using var dying = await NetCourse.Harness.Servers.LoopbackTcpServer.StartAsync(async (socket, token) =>
        {
            await socket.ReceiveAsync(new byte[1024], SocketFlags.None, token);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });
        var route = new RouteConfig("api", "/api", [good.Config(), new BackendConfig("dying", new Uri($"http://127.0.0.1:{dying.EndPoint.Port}/"))],
            Health: Routes.QuietHealth with { Fall = 2 });
        await using var run = await GatewayRun.StartAsync(route);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await run.GetAsync("/api/x")).Status);
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.BadGateway, HttpStatusCode.OK, HttpStatusCode.BadGateway], "Round robin: good, dying (502), good, dying (502).");
        var accepted = dying.Accepted;
        for (var i = 0; i < 6; i++) (await run.GetAsync("/api/x")).Status.ShouldBe(HttpStatusCode.OK, "After Fall (2) failures the dying backend is down: every request goes to the good one.");
        dying.Accepted.ShouldBe(accepted, "No connection may reach a backend marked down.");
    }

    [Test, Hint("See Hint 2.7: the gateway's probe is GET HealthOptions.Path on the backend; a 2xx is healthy.")]
    public async Task The_gateway_probes_its_backends_over_http_on_the_clock()
    {
        await using var a = await RecordingBackend.StartAsync("a");
        await using var b = await RecordingBackend.StartAsync("b");
        b.Healthy = false;
        var route = Routes.To("/api", a, b) with { Health = Routes.QuietHealth with { Fall = 1 } };
        await using var run = await GatewayRun.StartAsync(route);
        run.Clock.Advance(Routes.QuietHealth.Interval);
        await Wait.UntilAsync(() => run.Gateway.HealthOf(route.Name).Rounds >= 1, what: "a round of HTTP probes");
        run.Gateway.BackendsOf(route.Name).Single(x => x.Name == "b").IsUp.ShouldBeFalse("b answered its probe with 503: with Fall 1 it is down.");
        a.Probes.ShouldBe(1, "a got exactly one GET /health.");
    }

    [Test, Hint("See Hint 2.3: DisposeAsync stops the loop and waits for it: a probe in progress returns before it does.")]
    public async Task Dispose_waits_for_the_round_of_probes_in_progress()
    {
        var clock = new ManualClock();
        Backend[] backends = [new("a", new Uri("http://a.test/"))];
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var monitor = new HealthMonitor(backends, Options, (_, _) =>
        {
            started.TrySetResult();
            return release.Task;   // a probe that ignores its token
        }, clock);
        monitor.Start();
        clock.Advance(Options.Interval);
        await started.Task.WithDeadline(what: "the first probe after one interval");
        var disposing = monitor.DisposeAsync().AsTask();
        disposing.IsCompleted.ShouldBeFalse("A probe is still running: DisposeAsync must wait for it and for the loop to end, not return at once.");
        release.SetResult(true);
        await disposing.WithDeadline(what: "DisposeAsync once the probe returned");
    }
}
