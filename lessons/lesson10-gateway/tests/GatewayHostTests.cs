using NetCourse.Harness.Servers;

namespace NetCourse.Lesson10.Tests;

[Task(6)]
public class GatewayHostTests
{
    private static readonly BreakerOptions Breaker = new(WindowSize: 4, MinimumRequests: 2, FailureRatio: 0.5, CoolDown: TimeSpan.FromSeconds(30));
    private static readonly FallbackConfig Static = new(Status: 200, Body: "fallback");

    /// <summary>A Kestrel backend whose <c>/health</c> holds each probe until the prober gives it up.</summary>
    private sealed class HangingProbes
    {
        public readonly TaskCompletionSource Probing = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource GivenUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task HandleAsync(HttpContext context)
        {
            if (context.Request.Path != "/health")
            {
                await context.Response.WriteAsync("a", context.RequestAborted);
                return;
            }
            Probing.TrySetResult();
            try { await Task.Delay(Timeout.Infinite, context.RequestAborted); }
            finally { GivenUp.TrySetResult(); }
        }
    }

    [Test, Hint("See Hint 6.5: DisposeAsync stops the KestrelHost, so the gateway's port refuses connections from then on.")]
    public async Task After_DisposeAsync_the_gateways_port_refuses_connections()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        int port;
        await using (var run = await GatewayRun.StartAsync(Routes.To("/api", backend)))
        {
            port = run.Gateway.Address.Port;
            (await run.GetAsync("/api/x")).Status.ShouldBe(HttpStatusCode.OK);
        }
        using var deadline = Deadline.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Should.ThrowAsync<SocketException>(async () => await client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), deadline.Token),
            "The gateway is disposed: its port must refuse a connection, not leave a Kestrel listening behind it.");
    }

    [Test, Hint("See Hint 6.5: DisposeAsync disposes the TcpProxy of every TCP route as well.")]
    public async Task After_DisposeAsync_the_ports_of_its_TCP_routes_refuse_connections()
    {
        await using var echo = await LoopbackTcpServer.StartEchoAsync();
        var tcp = new TcpRouteConfig("rng", 0, [new BackendConfig("echo", new Uri($"tcp://127.0.0.1:{echo.EndPoint.Port}"))]);
        IPEndPoint endPoint;
        await using (var run = await GatewayRun.StartAsync(new GatewayConfig([], [tcp])))
        {
            endPoint = run.Gateway.TcpEndPoint("rng");
        }
        using var deadline = Deadline.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Should.ThrowAsync<SocketException>(async () => await client.ConnectAsync(endPoint, deadline.Token),
            "The gateway is disposed: the port of its TCP route must refuse a connection too.");
    }

    [Test, Hint("See Hint 6.5: DisposeAsync stops each route's health monitor (Hint 2.3), which cancels a probe in progress.")]
    public async Task DisposeAsync_cancels_a_health_probe_in_progress()
    {
        var probes = new HangingProbes();
        await using var backend = await KestrelHost.StartAsync(probes.HandleAsync);
        var route = new RouteConfig("api", "/api", [new BackendConfig("a", backend.Address)], Health: Routes.QuietHealth);
        await using (var run = await GatewayRun.StartAsync(route))
        {
            run.Clock.Advance(Routes.QuietHealth.Interval);
            await probes.Probing.Task.WithDeadline(what: "the probe one interval after the start");
        }
        await probes.GivenUp.Task.WithDeadline(what: "the probe in progress given up by the disposed gateway (its timeout is on the clock, which stands still)");
    }

    [Test, Hint("See Hint 6.5: DisposeAsync disposes the forwarder's and the probes' HttpMessageInvoker, which closes their pooled connections.")]
    public async Task DisposeAsync_closes_its_connections_to_the_backends()
    {
        await using var backend = await GatewayHostRawBackend.StartAsync(_ => RawAnswer.Ok());
        var route = new RouteConfig("api", "/api", [backend.Config("a")], Health: Routes.QuietHealth);
        await using (var run = await GatewayRun.StartAsync(route))
        {
            run.Clock.Advance(Routes.QuietHealth.Interval);
            await Wait.UntilAsync(() => run.Gateway.HealthOf(route.Name).Rounds >= 1, what: "a round of probes, over a connection of the probes' own");
            (await run.GetAsync("/api/x")).Body.ShouldBe("ok");
        }
        await Wait.UntilAsync(() => backend.Ended == backend.Accepted,
            () => $"every connection to the backend closed by the disposed gateway ({backend.Ended} of {backend.Accepted} closed; idle pooled connections stay open for a minute unless their invoker is disposed)");
    }

    [Test, Hint("See Hint 6.4: a half-open probe whose client went away is ClientAborted: tell the breaker (as a success), or it stays half-open for ever.")]
    public async Task A_half_open_probe_whose_client_hung_up_lets_the_next_request_through()
    {
        const int failing = 0, hanging = 1, back = 2;
        var mode = failing;
        var probeArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await RecordingBackend.StartAsync("a", async context =>
        {
            switch (Volatile.Read(ref mode))
            {
                case failing:
                    context.Response.StatusCode = 503;
                    return;
                case hanging:
                    probeArrived.TrySetResult();
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                    return;
                default:
                    await context.Response.WriteAsync("back", context.RequestAborted);
                    return;
            }
        });
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend) with { Breaker = Breaker, Fallback = Static });
        await run.GetAsync("/api/x");
        await run.GetAsync("/api/x");
        await Wait.UntilAsync(async () => (await run.GetAsync("/api/x")).Body == Static.Body, what: "the breaker open after the backend's failures");

        Volatile.Write(ref mode, hanging);
        run.Clock.Advance(Breaker.CoolDown);
        using var hangUp = new CancellationTokenSource();
        var probe = run.Client.GetAsync("/api/x", hangUp.Token);
        await probeArrived.Task.WithDeadline(what: "the half-open probe at the backend");
        Volatile.Write(ref mode, back);
        await hangUp.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(async () => await probe.WithDeadline(), "The client hung up on its request.");

        await Wait.UntilAsync(async () => (await run.GetAsync("/api/x")).Body == "back",
            what: "a request after the aborted probe reaching the backend again (a breaker told nothing stays half-open, a probe in flight for ever)");
    }
}
