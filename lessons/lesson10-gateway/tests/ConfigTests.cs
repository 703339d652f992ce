namespace NetCourse.Lesson10.Tests;

[Task(8)]
public class ConfigTests
{
    private const string Full = """
        {
          "routes": [
            {
              "name": "api", "path": "/api", "strategy": "weightedRoundRobin", "timeoutMs": 2500,
              "backends": [
                { "name": "a", "address": "http://127.0.0.1:5001/", "weight": 5 },
                { "name": "b", "address": "http://127.0.0.1:5002/" }
              ],
              "rateLimit": { "burst": 20, "perSecond": 10, "idleExpiryMs": 60000 },
              "breaker": { "window": 20, "minimumRequests": 10, "failureRatio": 0.5, "coolDownMs": 30000 },
              "health": { "path": "/healthz", "intervalMs": 5000, "rise": 2, "fall": 3, "timeoutMs": 1000 },
              "fallback": { "status": 200, "body": "[]", "contentType": "application/json" },
              "auth": { "users": ["alice", "bob"] }
            }
          ],
          "tcp": [
            { "name": "rng", "listen": 0, "strategy": "consistentHash", "backends": [ { "name": "r1", "address": "tcp://127.0.0.1:9000" } ] }
          ]
        }
        """;

    private static string Route(string fields) => $$"""{ "routes": [ { "name": "api", "path": "/api", {{fields}} } ] }""";

    private static GatewayConfigException Refused(string json) => Should.Throw<GatewayConfigException>(() => GatewayConfigLoader.Parse(json));

    [Test, Points(2), Hint("See Hint 8.1: JsonDocument, then one record per object; durations are milliseconds.")]
    public void A_full_configuration_is_read_into_its_records()
    {
        var config = GatewayConfigLoader.Parse(Full);
        var route = config.Routes.Single();
        (route.Name, route.PathPrefix, route.Strategy, route.Timeout, string.Join(" ", route.Backends.Select(b => $"{b.Name}:{b.Weight}:{b.Address.Port}")))
            .ShouldBe(("api", "/api", BalancingStrategy.WeightedRoundRobin, (TimeSpan?)TimeSpan.FromMilliseconds(2500), "a:5:5001 b:1:5002"));
        (route.RateLimit, route.Breaker, route.Health, route.Fallback, string.Join(" ", route.Auth!.Users))
            .ShouldBe((new RateLimitOptions(20, 10, TimeSpan.FromMinutes(1)), new BreakerOptions(20, 10, 0.5, TimeSpan.FromSeconds(30)),
                new HealthOptions("/healthz", TimeSpan.FromSeconds(5), 2, 3, TimeSpan.FromSeconds(1)), new FallbackConfig(200, "[]", "application/json"),
                "alice bob"));
        config.TcpRoutesOrEmpty.Single().ShouldSatisfyAllConditions(
            t => t.Name.ShouldBe("rng"), t => t.Strategy.ShouldBe(BalancingStrategy.ConsistentHash), t => t.Backends.Single().Address.Port.ShouldBe(9000));
    }

    [Test, Hint("See Hint 8.1: a missing strategy is round robin, a missing weight is 1.")]
    public void Strategy_and_weight_have_defaults()
    {
        var route = GatewayConfigLoader.Parse(Route("""  "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] """)).Routes.Single();
        (route.Strategy, route.Backends.Single().Weight).ShouldBe((BalancingStrategy.RoundRobin, 1));
    }

    [Test, Points(2), Hint("See Hint 8.2: an unknown strategy is an error naming routes[i].strategy and the value.")]
    public void An_unknown_strategy_is_refused_naming_its_key()
    {
        var error = Refused(Route("""  "strategy": "random", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] """));
        (error.Key, error.Message.Contains("random")).ShouldBe(("routes[0].strategy", true), $"The error must name the key and the bad value; it was: {error.Message}");
    }

    [TestCase(0), TestCase(-3)]
    [Points(2), Hint("See Hint 8.2: weight must be > 0; the key is routes[i].backends[j].weight.")]
    public void A_weight_that_is_not_positive_is_refused_naming_its_key(int weight)
    {
        var error = Refused(Route($$"""  "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" }, { "name": "b", "address": "http://127.0.0.1:5002/", "weight": {{weight}} } ] """));
        error.Key.ShouldBe("routes[0].backends[1].weight", $"The error must point at the second backend's weight; it was: {error.Message}");
    }

    [Test, Points(2), Hint("See Hint 8.3: two routes with one name (or one path) are an error naming the second.")]
    public void A_duplicate_route_is_refused_naming_the_second_one()
    {
        var error = Refused("""
            { "routes": [
                { "name": "api", "path": "/api", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] },
                { "name": "api", "path": "/v2", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] } ] }
            """);
        (error.Key, error.Message.Contains("duplicate")).ShouldBe(("routes[1].name", true), $"It was: {error.Message}");
    }

    [Test, Hint("See Hint 8.3: two routes on one path prefix are a duplicate too: which would win?")]
    public void Two_routes_on_the_same_path_are_refused()
    {
        var error = Refused("""
            { "routes": [
                { "name": "one", "path": "/api", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] },
                { "name": "two", "path": "/api/", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] } ] }
            """);
        error.Key.ShouldBe("routes[1].path", $"It was: {error.Message}");
    }

    [Test, Hint("See Hint 8.4: refuse keys you do not know: a typo must not be silently ignored.")]
    public void An_unknown_key_is_refused_by_name()
    {
        var error = Refused(Route("""  "backend": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] """));
        error.Key.ShouldBe("routes[0].backend", $"'backend' (for 'backends') is a typo; it was: {error.Message}");
    }

    [TestCase("""  "backends": [] """, "routes[0].backends")]
    [TestCase("""  "backends": [ { "name": "a", "address": "not a url" } ] """, "routes[0].backends[0].address")]
    [TestCase("""  "backends": [ { "name": "a" } ] """, "routes[0].backends[0].address")]
    [TestCase("""  "timeoutMs": "soon", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] """, "routes[0].timeoutMs")]
    [TestCase("""  "breaker": { "window": 10, "minimumRequests": 5, "failureRatio": 1.5, "coolDownMs": 1000 }, "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] """, "routes[0].breaker.failureRatio")]
    [Hint("See Hint 8.4: every value that cannot be right is an error naming its own key.")]
    public void A_bad_value_is_refused_naming_its_key(string fields, string key)
    {
        Refused(Route(fields)).Key.ShouldBe(key);
    }

    [Test, Hint("See Hint 8.1: JSON that does not parse is a GatewayConfigException too, never a JsonException.")]
    public void Broken_json_is_a_configuration_error()
    {
        Refused("{ \"routes\": [ ").Key.ShouldBe("(document)");
    }

    [Test, Points(2), TimeLimit(20), Hint("See Hint 8.5: each request reads the current configuration once; a reload swaps it for new requests only.")]
    public async Task A_reload_sends_new_requests_to_the_new_backends_without_dropping_one_in_flight()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var old = await RecordingBackend.StartAsync("old", async context =>
        {
            arrived.TrySetResult();
            await release.Task;
            await context.Response.WriteAsync("old");
        });
        await using var fresh = await RecordingBackend.StartAsync("fresh");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", old));
        var inFlight = run.GetAsync("/api/slow");
        await arrived.Task.WithDeadline();
        await run.Gateway.ReloadAsync(new GatewayConfig([Routes.To("/api", fresh)])).WithDeadline();
        var after = await run.GetAsync("/api/x");
        release.SetResult();
        (await inFlight, after).ShouldBe(((HttpStatusCode.OK, "old"), (HttpStatusCode.OK, "fresh")),
            "The request in flight during the reload finishes on the old backend; the next one goes to the new.");
    }

    private static string FileFor(RecordingBackend backend, int weight = 1) =>
        $$"""{ "routes": [ { "name": "api", "path": "/api", "health": { "intervalMs": 3600000 }, "backends": [ { "name": "{{backend.Name}}", "address": "{{backend.Address}}", "weight": {{weight}} } ] } ] }""";

    [Test, Points(2), Hint("See Hint 8.6: every interval on the clock, read the file; a text that changed is parsed and handed to ReloadAsync.")]
    public async Task A_changed_configuration_file_is_loaded_at_the_next_look()
    {
        await using var before = await RecordingBackend.StartAsync("before");
        await using var after = await RecordingBackend.StartAsync("after");
        var path = Path.Combine(Path.GetTempPath(), $"gateway-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, FileFor(before));
        try
        {
            await using var run = await GatewayRun.StartAsync(GatewayConfigLoader.Load(path));
            await using var watcher = new ConfigFileWatcher(run.Gateway, path, TimeSpan.FromSeconds(2), run.Clock);
            watcher.Start();
            await File.WriteAllTextAsync(path, FileFor(after));
            run.Clock.Advance(TimeSpan.FromSeconds(2));
            await Wait.UntilAsync(() => watcher.Checks >= 1, what: "one look at the file after one interval");
            (watcher.Reloads, (await run.GetAsync("/api/x")).Body).ShouldBe((1, "after"), "The file now names the backend 'after': one reload, and the next request goes there.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test, Points(2), Hint("See Hint 8.6: a file that does not parse keeps the running configuration; remember its GatewayConfigException.")]
    public async Task A_broken_configuration_file_keeps_the_running_routes_and_says_why()
    {
        await using var before = await RecordingBackend.StartAsync("before");
        var path = Path.Combine(Path.GetTempPath(), $"gateway-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, FileFor(before));
        try
        {
            await using var run = await GatewayRun.StartAsync(GatewayConfigLoader.Load(path));
            await using var watcher = new ConfigFileWatcher(run.Gateway, path, TimeSpan.FromSeconds(2), run.Clock);
            watcher.Start();
            await File.WriteAllTextAsync(path, FileFor(before, weight: 0));
            run.Clock.Advance(TimeSpan.FromSeconds(2));
            await Wait.UntilAsync(() => watcher.Checks >= 1, what: "one look at the file after one interval");
            (watcher.Reloads, watcher.LastError?.Key, (await run.GetAsync("/api/x")).Body)
                .ShouldBe((0, "routes[0].backends[0].weight", "before"), "A weight of 0 is refused: no reload, the error names the key, and the running route still answers.");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
