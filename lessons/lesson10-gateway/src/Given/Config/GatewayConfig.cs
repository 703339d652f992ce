namespace NetCourse.Lesson10;

/// <summary>
/// Everything the gateway serves: its HTTP routes and its TCP (layer 4) routes. Read from JSON by
/// <see cref="GatewayConfigLoader"/>, or built in code (the tests do).
/// </summary>
public sealed record GatewayConfig(IReadOnlyList<RouteConfig> Routes, IReadOnlyList<TcpRouteConfig>? TcpRoutes = null)
{
    public IReadOnlyList<TcpRouteConfig> TcpRoutesOrEmpty => TcpRoutes ?? [];
}

/// <summary>
/// One HTTP route: requests whose path starts with <see cref="PathPrefix"/> (at a segment boundary:
/// <c>/api</c> takes <c>/api</c> and <c>/api/x</c>, not <c>/apix</c>) go to its backends. The path is
/// forwarded as it came, prefix included.
/// </summary>
public sealed record RouteConfig(
    string Name,
    string PathPrefix,
    IReadOnlyList<BackendConfig> Backends,
    BalancingStrategy Strategy = BalancingStrategy.RoundRobin,
    TimeSpan? Timeout = null,
    RateLimitOptions? RateLimit = null,
    BreakerOptions? Breaker = null,
    HealthOptions? Health = null,
    FallbackConfig? Fallback = null,
    AuthConfig? Auth = null)
{
    /// <summary>How long a backend has to answer (its response headers) when the route names no timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public TimeSpan TimeoutOrDefault => Timeout ?? DefaultTimeout;

    public HealthOptions HealthOrDefault => Health ?? HealthOptions.Default;
}

/// <summary>One TCP route: connections to <see cref="ListenPort"/> (0: any free port) are spliced to one of its backends.</summary>
public sealed record TcpRouteConfig(string Name, int ListenPort, IReadOnlyList<BackendConfig> Backends,
    BalancingStrategy Strategy = BalancingStrategy.RoundRobin);

/// <summary>A backend as configured; the gateway makes a <see cref="Backend"/> of it.</summary>
public sealed record BackendConfig(string Name, Uri Address, int Weight = 1)
{
    public Backend ToBackend() => new(Name, Address, Weight);
}

/// <summary>A token bucket per client: <see cref="Burst"/> requests at once, then <see cref="TokensPerSecond"/>;
/// a client idle for <see cref="IdleExpiry"/> is forgotten (its bucket would be full again anyway).</summary>
public sealed record RateLimitOptions(int Burst, double TokensPerSecond, TimeSpan IdleExpiry);

/// <summary>
/// A breaker per backend. Closed, it remembers the outcomes of the last <see cref="WindowSize"/>
/// requests; once it has at least <see cref="MinimumRequests"/> of them and the share of failures
/// reaches <see cref="FailureRatio"/>, it opens. Open for <see cref="CoolDown"/>, then half-open.
/// </summary>
public sealed record BreakerOptions(int WindowSize, int MinimumRequests, double FailureRatio, TimeSpan CoolDown);

/// <summary>
/// Active health checks: every <see cref="Interval"/>, <c>GET</c> <see cref="Path"/> on each backend
/// (a 2xx within <see cref="Timeout"/> is a success). <see cref="Fall"/> failures in a row mark a
/// backend down, <see cref="Rise"/> successes in a row mark it up again.
/// </summary>
public sealed record HealthOptions(string Path, TimeSpan Interval, int Rise, int Fall, TimeSpan Timeout)
{
    public static readonly HealthOptions Default = new("/health", TimeSpan.FromSeconds(5), Rise: 2, Fall: 3, TimeSpan.FromSeconds(2));
}

/// <summary>What a route answers when its backends cannot: a static response, or another backend.</summary>
public sealed record FallbackConfig(int Status = 200, string? Body = null, string ContentType = "text/plain; charset=utf-8", Uri? Backend = null);

/// <summary>A protected route: a bearer token is required, and only the listed users (or <c>"*"</c>, any valid token) get through.
/// The <c>Authorization</c> header reaches the backend only with <see cref="ForwardAuthorization"/>.</summary>
public sealed record AuthConfig(IReadOnlyList<string> Users, bool ForwardAuthorization = false);
