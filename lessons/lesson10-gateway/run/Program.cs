using System.Globalization;
using NetCourse.Lesson10;

// The Go material's gateway, as the learner wrote it: one address, two backends behind it.
const string usage = """
    Usage: RUN [--port P] [--burst N] [--per-second R] [--config FILE]
      Your Gateway on 127.0.0.1:P (default 9010; 0 lets the system choose), in front of two
      backends this program starts, a on P+1 and b on P+2 (free ports with --port 0), each
      answering with its name. Without --config, one route "/" balances them round robin with a
      rate limit per client of --burst requests (default 10; 0: no limit) refilled at
      --per-second (default 1). --config FILE serves that file instead (the lesson's JSON format,
      read with your GatewayConfigLoader); its backends may be the two above.

    """;

return await LessonProgram.RunAsync(args, usage, async (arguments, run) =>
{
    var port = arguments.Port(9010);
    var burst = arguments.Int("--burst", 10);
    var perSecond = arguments.Text("--per-second") is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 ? rate : throw new UsageError($"--per-second takes a rate above 0, e.g. 0.5, not '{text}'.")
        : 1;
    var configFile = arguments.Text("--config");
    if (arguments.Positionals().Count > 0) throw new UsageError("lesson10 takes options only.");
    if (port > 65533) throw new UsageError("--port leaves no room for the backends on P+1 and P+2: take 65533 or less.");

    await using var backends = await DemoBackends.StartAsync(run, port == 0 ? 0 : port + 1, run.Stop);
    GatewayConfig config;
    try
    {
        config = configFile is not null ? GatewayConfigLoader.Load(configFile) : DemoConfig(backends, burst, perSecond);
    }
    catch (GatewayConfigException e)
    {
        // A wrong file is the person's to fix, in one line: the key and what is wrong with it.
        run.Error.WriteLine($"error: {configFile}: {e.Message}");
        return 2;
    }

    run.Port = port;
    var gateway = await Gateway.StartAsync(config, new GatewayHostOptions(Port: port), run.Stop);
    try
    {
        var at = gateway.Address.ToString().TrimEnd('/');
        foreach (var (name, address) in backends.All) run.Output.WriteLine($"  backend {name}  {address}");
        var routes = string.Join(", ", config.Routes.Select(r => $"{r.PathPrefix} ({r.Name}, {r.Strategy})"));
        run.Output.WriteLine($"routes: {(routes.Length > 0 ? routes : "(no HTTP routes)")}{(configFile is not null ? $", from {configFile}" : "")}");
        run.Listening("lesson10 gateway", at + "/",
            ($"curl -i {at}/hello", "X-Backend: a and 'backend a: GET /hello …'; again, and b answers: round robin"),
            ($"curl -s -H 'X-Forwarded-For: 203.0.113.7' {at}/who", "the backend saw X-Forwarded-For: 203.0.113.7, 127.0.0.1 (the gateway appends the client)"),
            ($"for i in $(seq 15); do curl -s -o /dev/null -w '%{{http_code}} ' {at}/; done; echo",
                burst > 0 && configFile is null ? $"200 until the burst of {burst} is spent, then 429 with Retry-After (1 more request every {1 / perSecond:0.#} s)" : "the status of each request (429 once a route's rate limit is spent)"));
        await run.WaitForStopAsync();
        run.Output.WriteLine("Stopping the gateway and its backends…");
    }
    finally
    {
        await gateway.DisposeAsync();
    }
    run.Output.WriteLine("Stopped.");
    return 0;
});

// One route, "/", round robin over the two backends, with a rate limit per client unless --burst 0.
static GatewayConfig DemoConfig(DemoBackends backends, int burst, double perSecond) => new(
[
    new RouteConfig("demo", "/", [.. backends.All.Select(b => new BackendConfig(b.Name, b.Address))],
        Strategy: BalancingStrategy.RoundRobin,
        RateLimit: burst > 0 ? new RateLimitOptions(burst, perSecond, TimeSpan.FromMinutes(1)) : null),
]);
