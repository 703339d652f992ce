using System.Text.Json;

namespace NetCourse.Lesson10;

/// <summary>
/// Reads a gateway configuration from JSON and refuses a wrong one with an error that names the
/// key: a typo must stop the gateway at start-up, not send traffic somewhere odd at run time.
/// </summary>
public static class GatewayConfigLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static GatewayConfig Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses and validates <paramref name="json"/>; a <see cref="GatewayConfigException"/> names what is wrong.</summary>
    public static GatewayConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new GatewayConfigException("(document)", $"not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = new Node(document.RootElement, "(document)");
            root.RequireObject();
            root.AllowOnly("routes", "tcp");
            var routes = root.Array("routes", required: true).Select(ReadRoute).ToList();
            var tcp = root.Array("tcp", required: false).Select(ReadTcpRoute).ToList();

            NoDuplicates(routes.Select((r, i) => (r.Name, $"routes[{i}].name")), "route name");
            NoDuplicates(routes.Select((r, i) => (r.PathPrefix.TrimEnd('/').ToLowerInvariant(), $"routes[{i}].path")), "route path");
            NoDuplicates(tcp.Select((r, i) => (r.Name, $"tcp[{i}].name")).Concat(routes.Select((r, i) => (r.Name, $"routes[{i}].name"))), "route name");
            return new GatewayConfig(routes, tcp);
        }
    }

    private static RouteConfig ReadRoute(Node route)
    {
        route.RequireObject();
        route.AllowOnly("name", "path", "strategy", "timeoutMs", "backends", "rateLimit", "breaker", "health", "fallback", "auth");
        var path = route.String("path", required: true)!;
        if (!path.StartsWith('/')) throw route.Child("path").Error($"must start with '/' (was '{path}')");
        var strategy = Strategy(route);
        var backends = Backends(route, http: true);
        return new RouteConfig(
            route.String("name", required: true)!,
            path,
            backends,
            strategy,
            route.Has("timeoutMs") ? route.Duration("timeoutMs") : null,
            route.Object("rateLimit") is { } limit ? ReadRateLimit(limit) : null,
            route.Object("breaker") is { } breaker ? ReadBreaker(breaker) : null,
            route.Object("health") is { } health ? ReadHealth(health) : null,
            route.Object("fallback") is { } fallback ? ReadFallback(fallback) : null,
            route.Object("auth") is { } auth ? ReadAuth(auth) : null);
    }

    private static TcpRouteConfig ReadTcpRoute(Node route)
    {
        route.RequireObject();
        route.AllowOnly("name", "listen", "strategy", "backends");
        var listen = route.Int("listen", required: true);
        if (listen is < 0 or > 65535) throw route.Child("listen").Error($"must be a port from 0 to 65535 (was {listen})");
        return new TcpRouteConfig(route.String("name", required: true)!, listen, Backends(route, http: false), Strategy(route));
    }

    private static BalancingStrategy Strategy(Node route)
    {
        var name = route.String("strategy", required: false) ?? "roundRobin";
        return name.ToLowerInvariant() switch
        {
            "roundrobin" => BalancingStrategy.RoundRobin,
            "weightedroundrobin" => BalancingStrategy.WeightedRoundRobin,
            "consistenthash" => BalancingStrategy.ConsistentHash,
            _ => throw route.Child("strategy").Error($"unknown strategy '{name}' (expected roundRobin, weightedRoundRobin or consistentHash)"),
        };
    }

    private static List<BackendConfig> Backends(Node route, bool http)
    {
        var backends = route.Array("backends", required: true).Select(backend =>
        {
            backend.RequireObject();
            backend.AllowOnly("name", "address", "weight");
            var address = backend.String("address", required: true)!;
            var schemes = http ? new[] { "http", "https" } : ["tcp"];
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme) || uri.Port <= 0)
                throw backend.Child("address").Error($"'{address}' is not an absolute {string.Join(" or ", schemes)}:// address with a port");
            var weight = backend.Has("weight") ? backend.Int("weight", required: true) : 1;
            if (weight <= 0) throw backend.Child("weight").Error($"must be greater than 0 (was {weight})");
            return new BackendConfig(backend.String("name", required: true)!, uri, weight);
        }).ToList();
        if (backends.Count == 0) throw route.Child("backends").Error("needs at least one backend");
        NoDuplicates(backends.Select((b, i) => (b.Name, $"{route.Path}.backends[{i}].name")), "backend name");
        return backends;
    }

    private static RateLimitOptions ReadRateLimit(Node limit)
    {
        limit.AllowOnly("burst", "perSecond", "idleExpiryMs");
        var burst = limit.Int("burst", required: true);
        if (burst < 1) throw limit.Child("burst").Error($"must be at least 1 (was {burst})");
        var perSecond = limit.Number("perSecond");
        if (perSecond <= 0) throw limit.Child("perSecond").Error($"must be greater than 0 (was {perSecond})");
        var idle = limit.Has("idleExpiryMs") ? limit.Duration("idleExpiryMs") : TimeSpan.FromMinutes(5);
        return new RateLimitOptions(burst, perSecond, idle);
    }

    private static BreakerOptions ReadBreaker(Node breaker)
    {
        breaker.AllowOnly("window", "minimumRequests", "failureRatio", "coolDownMs");
        var window = breaker.Int("window", required: true);
        if (window < 1) throw breaker.Child("window").Error($"must be at least 1 (was {window})");
        var minimum = breaker.Int("minimumRequests", required: true);
        if (minimum < 1 || minimum > window) throw breaker.Child("minimumRequests").Error($"must be from 1 to the window ({window}) (was {minimum})");
        var ratio = breaker.Number("failureRatio");
        if (ratio is <= 0 or > 1) throw breaker.Child("failureRatio").Error($"must be greater than 0 and at most 1 (was {ratio})");
        return new BreakerOptions(window, minimum, ratio, breaker.Duration("coolDownMs"));
    }

    private static HealthOptions ReadHealth(Node health)
    {
        health.AllowOnly("path", "intervalMs", "rise", "fall", "timeoutMs");
        var d = HealthOptions.Default;
        var rise = health.Has("rise") ? health.Int("rise", required: true) : d.Rise;
        if (rise < 1) throw health.Child("rise").Error($"must be at least 1 (was {rise})");
        var fall = health.Has("fall") ? health.Int("fall", required: true) : d.Fall;
        if (fall < 1) throw health.Child("fall").Error($"must be at least 1 (was {fall})");
        return new HealthOptions(
            health.String("path", required: false) ?? d.Path,
            health.Has("intervalMs") ? health.Duration("intervalMs") : d.Interval,
            rise, fall,
            health.Has("timeoutMs") ? health.Duration("timeoutMs") : d.Timeout);
    }

    private static FallbackConfig ReadFallback(Node fallback)
    {
        fallback.AllowOnly("status", "body", "contentType", "backend");
        var status = fallback.Has("status") ? fallback.Int("status", required: true) : 200;
        if (status is < 100 or > 599) throw fallback.Child("status").Error($"must be an HTTP status from 100 to 599 (was {status})");
        Uri? backend = null;
        if (fallback.String("backend", required: false) is { } address
            && (!Uri.TryCreate(address, UriKind.Absolute, out backend) || backend.Scheme is not ("http" or "https")))
            throw fallback.Child("backend").Error($"'{address}' is not an absolute http:// address");
        return new FallbackConfig(status, fallback.String("body", required: false),
            fallback.String("contentType", required: false) ?? "text/plain; charset=utf-8", backend);
    }

    private static AuthConfig ReadAuth(Node auth)
    {
        auth.AllowOnly("users", "forwardAuthorization");
        var users = auth.Array("users", required: true).Select(u => u.AsString()).ToList();
        if (users.Count == 0) throw auth.Child("users").Error("needs at least one user (or \"*\" for any valid token)");
        return new AuthConfig(users, auth.Has("forwardAuthorization") && auth.Bool("forwardAuthorization"));
    }

    private static void NoDuplicates(IEnumerable<(string Value, string Key)> items, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, key) in items)
            if (!seen.Add(value)) throw new GatewayConfigException(key, $"duplicate {what} '{value}'");
    }

    /// <summary>A JSON value and its path in the document, so every error can say where it is.</summary>
    private readonly record struct Node(JsonElement Element, string Path)
    {
        public GatewayConfigException Error(string problem) => new(Path, problem);

        public Node Child(string name) => new(Element.TryGetProperty(name, out var value) ? value : default, Path == "(document)" ? name : $"{Path}.{name}");

        public bool Has(string name) => Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        public void RequireObject()
        {
            if (Element.ValueKind != JsonValueKind.Object) throw Error($"must be an object (was {Describe(Element)})");
        }

        public void AllowOnly(params string[] names)
        {
            foreach (var property in Element.EnumerateObject())
                if (!names.Contains(property.Name, StringComparer.Ordinal))
                    throw Child(property.Name).Error($"unknown key (expected one of {string.Join(", ", names)})");
        }

        public string? String(string name, bool required)
        {
            var child = Child(name);
            if (!Has(name))
                return required ? throw child.Error("is required") : null;
            return child.AsString();
        }

        public string AsString()
        {
            if (Element.ValueKind != JsonValueKind.String) throw Error($"must be a string (was {Describe(Element)})");
            var text = Element.GetString()!;
            return text.Length == 0 ? throw Error("must not be empty") : text;
        }

        public int Int(string name, bool required)
        {
            var child = Child(name);
            if (!Has(name)) return required ? throw child.Error("is required") : 0;
            return child.Element.ValueKind == JsonValueKind.Number && child.Element.TryGetInt32(out var value)
                ? value
                : throw child.Error($"must be a whole number (was {Describe(child.Element)})");
        }

        public double Number(string name)
        {
            var child = Child(name);
            if (!Has(name)) throw child.Error("is required");
            return child.Element.ValueKind == JsonValueKind.Number ? child.Element.GetDouble() : throw child.Error($"must be a number (was {Describe(child.Element)})");
        }

        public bool Bool(string name)
        {
            var child = Child(name);
            return child.Element.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw child.Error($"must be true or false (was {Describe(child.Element)})"),
            };
        }

        public TimeSpan Duration(string name)
        {
            var ms = Int(name, required: true);
            return ms > 0 ? TimeSpan.FromMilliseconds(ms) : throw Child(name).Error($"must be a positive number of milliseconds (was {ms})");
        }

        public Node? Object(string name)
        {
            if (!Has(name)) return null;
            var child = Child(name);
            child.RequireObject();
            return child;
        }

        public IEnumerable<Node> Array(string name, bool required)
        {
            var child = Child(name);
            if (!Has(name)) return required ? throw child.Error("is required") : [];
            if (child.Element.ValueKind != JsonValueKind.Array) throw child.Error($"must be an array (was {Describe(child.Element)})");
            var path = child.Path;
            return child.Element.EnumerateArray().Select((e, i) => new Node(e, $"{path}[{i}]")).ToList();
        }

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Undefined => "missing",
            JsonValueKind.String => $"the string \"{element.GetString()}\"",
            _ => element.GetRawText(),
        };
    }
}
