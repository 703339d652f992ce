using NetCourse.Harness.Servers;

namespace NetCourse.Lesson10.Tests;

[Task(8)]
public class GatewayHostReloadTests
{
    [Test, Hint("See Hint 8.5: ReloadAsync starts the new configuration's health probes.")]
    public async Task After_a_reload_the_new_backends_are_probed_on_the_clock()
    {
        await using var old = await RecordingBackend.StartAsync("old");
        await using var fresh = await RecordingBackend.StartAsync("fresh");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", old));
        await run.Gateway.ReloadAsync(new GatewayConfig([Routes.To("/api", fresh)])).WithDeadline();
        run.Clock.Advance(Routes.QuietHealth.Interval);
        await Wait.UntilAsync(() => fresh.Probes >= 1, what: "a probe of the new route's backend one interval after the reload");
    }

    [Test, Hint("See Hint 8.5: ReloadAsync stops the old configuration's health probes: a probe in progress is cancelled.")]
    public async Task A_reload_cancels_the_old_routes_probe_in_progress()
    {
        var probing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var givenUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var old = await KestrelHost.StartAsync(async context =>
        {
            if (context.Request.Path != "/health") return;
            probing.TrySetResult();
            try { await Task.Delay(Timeout.Infinite, context.RequestAborted); }
            finally { givenUp.TrySetResult(); }
        });
        await using var fresh = await RecordingBackend.StartAsync("fresh");
        await using var run = await GatewayRun.StartAsync(new RouteConfig("api", "/api", [new BackendConfig("old", old.Address)], Health: Routes.QuietHealth));
        run.Clock.Advance(Routes.QuietHealth.Interval);
        await probing.Task.WithDeadline(what: "the old backend's probe one interval after the start");
        await run.Gateway.ReloadAsync(new GatewayConfig([Routes.To("/api", fresh)])).WithDeadline();
        await givenUp.Task.WithDeadline(what: "the old route's probe in progress given up after the reload (its timeout is on the clock, which stands still)");
    }

    [Test, Hint("See Hint 9.4: a reload keeps the TCP listeners: the TCP route listens where it did.")]
    public async Task A_reload_keeps_the_listener_of_a_TCP_route()
    {
        await using var echo = await LoopbackTcpServer.StartEchoAsync();
        await using var backend = await RecordingBackend.StartAsync("a");
        var config = new GatewayConfig([Routes.To("/api", backend)], [new TcpRouteConfig("rng", 0, [new BackendConfig("echo", new Uri($"tcp://127.0.0.1:{echo.EndPoint.Port}"))])]);
        await using var run = await GatewayRun.StartAsync(config);
        var before = run.Gateway.TcpEndPoint("rng");
        await run.Gateway.ReloadAsync(config).WithDeadline();
        run.Gateway.TcpEndPoint("rng").ShouldBe(before, "The TCP route listens on any free port (0): a reload that started another listener would move it.");
    }
}
