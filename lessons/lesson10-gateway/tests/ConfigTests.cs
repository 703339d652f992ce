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

    private const string OneBackend = """ "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] """;

    private const string OneTcpBackend = """ "backends": [ { "name": "r", "address": "tcp://127.0.0.1:9001" } ] """;

    /// <summary>The document a case of the table means: a whole document, a route's fields (with or
    /// without one backend added), or a TCP route's fields.</summary>
    private static string Document(string kind, string fields) => kind switch
    {
        "document" => fields,
        "route" => Route($"{fields}, {OneBackend}"),
        "bare route" => Route(fields),
        "tcp" => $$"""{ "routes": [], "tcp": [ { "name": "t", {{fields}} } ] }""",
        _ => throw new ArgumentException(kind, nameof(kind)),
    };

    private static readonly TestCaseData[] RefusedByRow =
    [
        Row("the document",
            new Bad("document", "[]", "(document)"),
            new Bad("document", """{ "routes": [ """, "(document)"),
            new Bad("document", """{ "routes": [], "tcps": [] }""", "tcps"),
            new Bad("document", """{ "tcp": [] }""", "routes"),
            new Bad("document", """{ "routes": {} }""", "routes"),
            new Bad("document", """{ "routes": [ 1 ] }""", "routes[0]"),
            new Bad("document", """{ "routes": [], "tcp": "none" }""", "tcp"),
            new Bad("document", """{ "routes": [], "tcp": [ 1 ] }""", "tcp[0]")),
        Row("name",
            new Bad("document", """{ "routes": [ { "path": "/api", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] } ] }""", "routes[0].name"),
            new Bad("bare route", """ "backends": [ { "address": "http://127.0.0.1:5001/" } ] """, "routes[0].backends[0].name"),
            new Bad("bare route", """ "backends": [ { "name": "", "address": "http://127.0.0.1:5001/" } ] """, "routes[0].backends[0].name"),
            new Bad("bare route", """ "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" }, { "name": "a", "address": "http://127.0.0.1:5002/" } ] """, "routes[0].backends[1].name"),
            new Bad("document", """{ "routes": [], "tcp": [ { "listen": 0, "backends": [ { "name": "r", "address": "tcp://127.0.0.1:9001" } ] } ] }""", "tcp[0].name"),
            new Bad("document", """{ "routes": [], "tcp": [ { "name": "t", "listen": 0, "backends": [ { "name": "r", "address": "tcp://127.0.0.1:9001" } ] }, { "name": "t", "listen": 0, "backends": [ { "name": "r", "address": "tcp://127.0.0.1:9002" } ] } ] }""", "tcp[1].name")),
        Row("path",
            new Bad("document", """{ "routes": [ { "name": "api", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] } ] }""", "routes[0].path"),
            new Bad("document", """{ "routes": [ { "name": "api", "path": "api", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] } ] }""", "routes[0].path"),
            new Bad("document", """{ "routes": [ { "name": "api", "path": 5, "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] } ] }""", "routes[0].path"),
            new Bad("tcp", """ "listen": 0, "path": "/", """ + OneTcpBackend, "tcp[0].path"),
            new Bad("document", """{ "routes": [ { "name": "one", "path": "/api", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] }, { "name": "two", "path": "/API", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] } ] }""", "routes[1].path")),
        Row("listen",
            new Bad("tcp", OneTcpBackend, "tcp[0].listen"),
            new Bad("tcp", """ "listen": -1, """ + OneTcpBackend, "tcp[0].listen"),
            new Bad("tcp", """ "listen": 65536, """ + OneTcpBackend, "tcp[0].listen"),
            new Bad("tcp", """ "listen": "9000", """ + OneTcpBackend, "tcp[0].listen")),
        Row("strategy",
            new Bad("route", """ "strategy": 1 """, "routes[0].strategy"),
            new Bad("tcp", """ "listen": 0, "strategy": "random", """ + OneTcpBackend, "tcp[0].strategy")),
        Row("backends",
            new Bad("bare route", """ "backends": {} """, "routes[0].backends"),
            new Bad("bare route", """ "backends": [] """, "routes[0].backends"),
            new Bad("bare route", """ "backends": [ "http://127.0.0.1:5001/" ] """, "routes[0].backends[0]")),
        Row("a backend",
            new Bad("bare route", """ "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/", "port": 5001 } ] """, "routes[0].backends[0].port")),
        Row("address",
            new Bad("bare route", """ "backends": [ { "name": "a", "address": "tcp://127.0.0.1:5001" } ] """, "routes[0].backends[0].address"),
            new Bad("bare route", """ "backends": [ { "name": "a", "address": "/relative" } ] """, "routes[0].backends[0].address"),
            new Bad("bare route", """ "backends": [ { "name": "a", "address": "http://127.0.0.1:0/" } ] """, "routes[0].backends[0].address"),
            new Bad("bare route", """ "backends": [ { "name": "a", "address": 5001 } ] """, "routes[0].backends[0].address"),
            new Bad("tcp", """ "listen": 0, "backends": [ { "name": "r", "address": "http://127.0.0.1:9001/" } ] """, "tcp[0].backends[0].address"),
            new Bad("tcp", """ "listen": 0, "backends": [ { "name": "r", "address": "tcp://127.0.0.1" } ] """, "tcp[0].backends[0].address")),
        Row("weight",
            new Bad("bare route", """ "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/", "weight": 0 } ] """, "routes[0].backends[0].weight"),
            new Bad("bare route", """ "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/", "weight": 1.5 } ] """, "routes[0].backends[0].weight"),
            new Bad("bare route", """ "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/", "weight": "2" } ] """, "routes[0].backends[0].weight")),
        Row("timeoutMs",
            new Bad("route", """ "timeoutMs": 0 """, "routes[0].timeoutMs"),
            new Bad("route", """ "timeoutMs": 2.5 """, "routes[0].timeoutMs")),
        Row("rateLimit",
            new Bad("route", """ "rateLimit": 10 """, "routes[0].rateLimit"),
            new Bad("route", """ "rateLimit": { "perSecond": 10 } """, "routes[0].rateLimit.burst"),
            new Bad("route", """ "rateLimit": { "burst": 0, "perSecond": 10 } """, "routes[0].rateLimit.burst"),
            new Bad("route", """ "rateLimit": { "burst": 5 } """, "routes[0].rateLimit.perSecond"),
            new Bad("route", """ "rateLimit": { "burst": 5, "perSecond": 0 } """, "routes[0].rateLimit.perSecond"),
            new Bad("route", """ "rateLimit": { "burst": 5, "perSecond": "fast" } """, "routes[0].rateLimit.perSecond"),
            new Bad("route", """ "rateLimit": { "burst": 5, "perSecond": 1, "idleExpiryMs": 0 } """, "routes[0].rateLimit.idleExpiryMs"),
            new Bad("route", """ "rateLimit": { "burst": 5, "perSecond": 1, "idle": 1000 } """, "routes[0].rateLimit.idle")),
        Row("breaker",
            new Bad("route", """ "breaker": { "minimumRequests": 1, "failureRatio": 0.5, "coolDownMs": 1000 } """, "routes[0].breaker.window"),
            new Bad("route", """ "breaker": { "window": 0, "minimumRequests": 1, "failureRatio": 0.5, "coolDownMs": 1000 } """, "routes[0].breaker.window"),
            new Bad("route", """ "breaker": { "window": 10, "failureRatio": 0.5, "coolDownMs": 1000 } """, "routes[0].breaker.minimumRequests"),
            new Bad("route", """ "breaker": { "window": 10, "minimumRequests": 0, "failureRatio": 0.5, "coolDownMs": 1000 } """, "routes[0].breaker.minimumRequests"),
            new Bad("route", """ "breaker": { "window": 10, "minimumRequests": 11, "failureRatio": 0.5, "coolDownMs": 1000 } """, "routes[0].breaker.minimumRequests"),
            new Bad("route", """ "breaker": { "window": 10, "minimumRequests": 5, "coolDownMs": 1000 } """, "routes[0].breaker.failureRatio"),
            new Bad("route", """ "breaker": { "window": 10, "minimumRequests": 5, "failureRatio": 0, "coolDownMs": 1000 } """, "routes[0].breaker.failureRatio"),
            new Bad("route", """ "breaker": { "window": 10, "minimumRequests": 5, "failureRatio": 0.5 } """, "routes[0].breaker.coolDownMs"),
            new Bad("route", """ "breaker": { "window": 10, "minimumRequests": 5, "failureRatio": 0.5, "coolDownMs": 0 } """, "routes[0].breaker.coolDownMs"),
            new Bad("route", """ "breaker": { "window": 10, "minimumRequests": 5, "failureRatio": 0.5, "coolDownMs": 1000, "ratio": 1 } """, "routes[0].breaker.ratio")),
        Row("health",
            new Bad("route", """ "health": { "rise": 0 } """, "routes[0].health.rise"),
            new Bad("route", """ "health": { "fall": 0 } """, "routes[0].health.fall"),
            new Bad("route", """ "health": { "intervalMs": 0 } """, "routes[0].health.intervalMs"),
            new Bad("route", """ "health": { "timeoutMs": 0 } """, "routes[0].health.timeoutMs"),
            new Bad("route", """ "health": { "path": "" } """, "routes[0].health.path"),
            new Bad("route", """ "health": { "url": "/health" } """, "routes[0].health.url")),
        Row("fallback",
            new Bad("route", """ "fallback": { "status": 99 } """, "routes[0].fallback.status"),
            new Bad("route", """ "fallback": { "status": 600 } """, "routes[0].fallback.status"),
            new Bad("route", """ "fallback": { "body": 5 } """, "routes[0].fallback.body"),
            new Bad("route", """ "fallback": { "backend": "ftp://127.0.0.1:21/" } """, "routes[0].fallback.backend"),
            new Bad("route", """ "fallback": { "backend": "nowhere" } """, "routes[0].fallback.backend"),
            new Bad("route", """ "fallback": { "headers": {} } """, "routes[0].fallback.headers")),
        Row("auth",
            new Bad("route", """ "auth": {} """, "routes[0].auth.users"),
            new Bad("route", """ "auth": { "users": [] } """, "routes[0].auth.users"),
            new Bad("route", """ "auth": { "users": [ "" ] } """, "routes[0].auth.users[0]"),
            new Bad("route", """ "auth": { "users": [ 1 ] } """, "routes[0].auth.users[0]"),
            new Bad("route", """ "auth": { "users": [ "alice" ], "forwardAuthorization": "yes" } """, "routes[0].auth.forwardAuthorization"),
            new Bad("route", """ "auth": { "users": [ "alice" ], "roles": [] } """, "routes[0].auth.roles")),
    ];

    public sealed record Bad(string Kind, string Fields, string Key);

    private static TestCaseData Row(string row, params Bad[] cases) => new TestCaseData(row, cases).SetArgDisplayNames(row);

    [TestCaseSource(nameof(RefusedByRow))]
    [Hint("See the table under \"The configuration\": each value it does not allow is an error naming its own key, and its Problem says what is wrong.")]
    public void A_value_the_table_does_not_allow_is_refused_naming_its_key_and_saying_why(string row, Bad[] cases)
    {
        var wrong = new List<string>();
        foreach (var (kind, fields, key) in cases)
        {
            string? verdict;
            try
            {
                GatewayConfigLoader.Parse(Document(kind, fields));
                verdict = "accepted";
            }
            catch (GatewayConfigException e)
            {
                verdict = e.Key == key && !string.IsNullOrWhiteSpace(e.Problem) ? null : $"refused as '{e.Message}'";
            }
            catch (Exception e) when (e is not NotImplementedException)
            {
                verdict = $"threw {e.GetType().Name}, not a GatewayConfigException";
            }
            if (verdict is not null) wrong.Add($"{fields.Trim()} ({kind}): {verdict}; expected an error on {key} that says what is wrong");
        }
        wrong.ShouldBeEmpty($"Values of {row} the table does not allow");
    }

    private static readonly (string Kind, string Fields)[] AtTheLimits =
    [
        ("tcp", """ "listen": 65535, """ + OneTcpBackend),
        ("tcp", """ "listen": 9000, """ + OneTcpBackend),
        ("route", """ "fallback": { "status": 100 } """),
        ("route", """ "fallback": { "status": 599 } """),
        ("route", """ "rateLimit": { "burst": 1, "perSecond": 0.5 } """),
        ("route", """ "breaker": { "window": 1, "minimumRequests": 1, "failureRatio": 1, "coolDownMs": 1 } """),
        ("route", """ "breaker": { "window": 10, "minimumRequests": 10, "failureRatio": 0.01, "coolDownMs": 1000 } """),
        ("route", """ "health": { "rise": 1, "fall": 1, "intervalMs": 1, "timeoutMs": 1 } """),
        ("bare route", """ "backends": [ { "name": "a", "address": "https://127.0.0.1:5001/", "weight": 1 } ] """),
        ("route", """ "fallback": { "backend": "https://127.0.0.1:5003/" } """),
        ("document", """{ "routes": [ { "name": "root", "path": "/", "backends": [ { "name": "a", "address": "http://127.0.0.1:5001/" } ] } ] }"""),
    ];

    [Test, Hint("See the table under \"The configuration\": its limits are allowed values (a port of 65535, a status of 100 or 599, a failure ratio of 1, minimumRequests equal to the window, https).")]
    public void Values_at_the_limits_of_the_table_are_accepted()
    {
        var refused = new List<string>();
        foreach (var (kind, fields) in AtTheLimits)
        {
            try
            {
                GatewayConfigLoader.Parse(Document(kind, fields));
            }
            catch (GatewayConfigException e)
            {
                refused.Add($"{fields.Trim()} ({kind}): {e.Message}");
            }
        }
        refused.ShouldBeEmpty("Values the table allows, at its limits");
    }

    [Test, Hint("See the table under \"The configuration\": listen is a port from 0 to 65535.")]
    public void A_TCP_route_listens_on_the_port_it_names()
    {
        GatewayConfigLoader.Parse(Document("tcp", """ "listen": 65535, """ + OneTcpBackend)).TcpRoutesOrEmpty.Single().ListenPort.ShouldBe(65535);
    }

    [Test, Hint("See the table under \"The configuration\": the column \"Missing\" gives each optional key's default.")]
    public void Optional_keys_take_the_defaults_of_the_table()
    {
        var config = GatewayConfigLoader.Parse(Route($$""" "rateLimit": { "burst": 5, "perSecond": 2 }, "health": {}, "fallback": {}, "auth": { "users": [ "*" ] }, {{OneBackend}} """));
        var route = config.Routes.Single();
        (route.TimeoutOrDefault, route.RateLimit, route.Health ?? HealthOptions.Default, route.Fallback, route.Auth!.ForwardAuthorization, config.TcpRoutesOrEmpty.Count)
            .ShouldBe((RouteConfig.DefaultTimeout, new RateLimitOptions(5, 2, TimeSpan.FromMinutes(5)), HealthOptions.Default, new FallbackConfig(), false, 0));
    }

    [Test, Hint("See the table under \"The configuration\": every key of health, fallback and auth is read, not only those the example shows.")]
    public void Health_fallback_and_auth_values_are_read()
    {
        var route = GatewayConfigLoader.Parse(Route($$"""
            "health": { "path": "/up", "intervalMs": 750, "rise": 1, "fall": 4, "timeoutMs": 300 },
            "fallback": { "status": 503, "backend": "http://127.0.0.1:5003/" },
            "auth": { "users": [ "alice" ], "forwardAuthorization": true }, {{OneBackend}}
            """)).Routes.Single();
        (route.Health, route.Fallback, route.Auth!.ForwardAuthorization)
            .ShouldBe((new HealthOptions("/up", TimeSpan.FromMilliseconds(750), 1, 4, TimeSpan.FromMilliseconds(300)),
                new FallbackConfig(503, Backend: new Uri("http://127.0.0.1:5003/")), true));
    }

    [Test, Hint("See the table under \"The configuration\": forwardAuthorization takes true or false.")]
    public void Forward_authorization_false_is_read_as_false()
    {
        GatewayConfigLoader.Parse(Route($$""" "auth": { "users": [ "alice" ], "forwardAuthorization": false }, {{OneBackend}} """))
            .Routes.Single().Auth!.ForwardAuthorization.ShouldBeFalse();
    }

    [TestCase("ROUNDROBIN", BalancingStrategy.RoundRobin)]
    [TestCase("WeightedRoundRobin", BalancingStrategy.WeightedRoundRobin)]
    [TestCase("consistenthash", BalancingStrategy.ConsistentHash)]
    [Hint("See Hint 8.2: strategies are compared without case.")]
    public void Strategies_are_read_without_case(string name, BalancingStrategy strategy)
    {
        GatewayConfigLoader.Parse(Route($$""" "strategy": "{{name}}", {{OneBackend}} """)).Routes.Single().Strategy.ShouldBe(strategy);
    }

    [Test, Hint("See Hint 8.3: a TCP route and an HTTP route share one set of names.")]
    public void A_TCP_route_named_like_an_HTTP_route_is_refused()
    {
        var error = Refused($$"""{ "routes": [ { "name": "api", "path": "/api", {{OneBackend}} } ], "tcp": [ { "name": "api", "listen": 0, {{OneTcpBackend}} } ] }""");
        error.Key.ShouldBeOneOf(["routes[0].name", "tcp[0].name"], $"Either name is the second one, by the order you read them; it was: {error.Message}");
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

    /// <summary>Long enough that a watcher on the system clock instead of the one it was given never looks
    /// during a test; short of the files' health interval, so a look moves no probe.</summary>
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMinutes(30);

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
            await using var watcher = new ConfigFileWatcher(run.Gateway, path, WatchInterval, run.Clock);
            watcher.Start();
            await File.WriteAllTextAsync(path, FileFor(after));
            run.Clock.Advance(WatchInterval);
            await Wait.UntilAsync(() => watcher.Checks >= 1, what: "one look at the file after one interval");
            (watcher.Reloads, (await run.GetAsync("/api/x")).Body).ShouldBe((1, "after"), "The file now names the backend 'after': one reload, and the next request goes there.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test, Hint("See Hint 8.6: a good file clears LastError, and a text already seen is not loaded again.")]
    public async Task A_fixed_file_after_a_broken_one_is_loaded_once_and_clears_the_error()
    {
        await using var before = await RecordingBackend.StartAsync("before");
        await using var after = await RecordingBackend.StartAsync("after");
        var path = Path.Combine(Path.GetTempPath(), $"gateway-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, FileFor(before));
        try
        {
            await using var run = await GatewayRun.StartAsync(GatewayConfigLoader.Load(path));
            await using var watcher = new ConfigFileWatcher(run.Gateway, path, WatchInterval, run.Clock);
            watcher.Start();
            await File.WriteAllTextAsync(path, FileFor(after, weight: 0));
            run.Clock.Advance(WatchInterval);
            await Wait.UntilAsync(() => watcher.Checks >= 1, what: "the look at the broken file");
            await File.WriteAllTextAsync(path, FileFor(after));
            run.Clock.Advance(WatchInterval);
            await Wait.UntilAsync(() => watcher.Checks >= 2, what: "the look at the fixed file");
            run.Clock.Advance(WatchInterval);
            await Wait.UntilAsync(() => watcher.Checks >= 3, what: "a look at the same fixed file");
            (watcher.Reloads, watcher.LastError?.Key, (await run.GetAsync("/api/x")).Body)
                .ShouldBe((1, (string?)null, "after"), "The fixed file is loaded once (the next look sees the same text) and clears the broken one's error.");
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
            await using var watcher = new ConfigFileWatcher(run.Gateway, path, WatchInterval, run.Clock);
            watcher.Start();
            await File.WriteAllTextAsync(path, FileFor(before, weight: 0));
            run.Clock.Advance(WatchInterval);
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
