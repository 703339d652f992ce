using System.Net;
using Microsoft.AspNetCore.Http;

namespace NetCourse.Lesson10;

/// <summary>One configuration, brought to life: each route with its balancer, breakers, limiter and
/// health monitor. Immutable once built; a reload builds another.</summary>
internal sealed class GatewayRuntime
{
    private readonly RouteRuntime[] _routesLongestFirst;
    private readonly HttpMessageInvoker _probeClient;

    private GatewayRuntime(RouteRuntime[] routes, Dictionary<string, TcpProxy> tcpProxies, HttpMessageInvoker probeClient)
    {
        // Longest prefix first, so /api/admin wins over /api for /api/admin/users.
        _routesLongestFirst = [.. routes.OrderByDescending(r => r.Config.PathPrefix.TrimEnd('/').Length)];
        TcpProxies = tcpProxies;
        _probeClient = probeClient;
    }

    public IReadOnlyDictionary<string, TcpProxy> TcpProxies { get; }

    public static GatewayRuntime Build(GatewayConfig config, TimeProvider time,
        Func<HttpMessageInvoker, Backend, string, CancellationToken, Task<bool>> probe, GatewayRuntime? keepTcpFrom = null)
    {
        var probeClient = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        var routes = config.Routes.Select(route =>
        {
            var backends = route.Backends.Select(b => b.ToBackend()).ToArray();
            var health = route.HealthOrDefault;
            return new RouteRuntime(
                route,
                Balancers.For(route.Strategy, backends),
                route.Breaker is { } breaker ? backends.ToDictionary(b => b, _ => new CircuitBreaker(breaker, time)) : [],
                route.RateLimit is { } limit ? new TokenBucketRateLimiter(limit, time) : null,
                new HealthMonitor(backends, health, (b, ct) => probe(probeClient, b, health.Path, ct), time));
        }).ToArray();
        var tcp = keepTcpFrom is not null
            ? new Dictionary<string, TcpProxy>(keepTcpFrom.TcpProxies)
            : config.TcpRoutesOrEmpty.ToDictionary(r => r.Name, r => TcpProxy.Start(Balancers.For(r.Strategy, [.. r.Backends.Select(b => b.ToBackend())]), r.ListenPort));
        return new GatewayRuntime(routes, tcp, probeClient);
    }

    public void Start()
    {
        foreach (var route in _routesLongestFirst) route.Health.Start();
    }

    public RouteRuntime? Match(PathString path)
    {
        foreach (var route in _routesLongestFirst)
        {
            var prefix = route.Config.PathPrefix.TrimEnd('/');
            // At a segment boundary: /api takes /api and /api/x, not /apix.
            if (prefix.Length == 0 || path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) return route;
        }
        return null;
    }

    public RouteRuntime Route(string name) =>
        _routesLongestFirst.FirstOrDefault(r => r.Config.Name == name) ?? throw new KeyNotFoundException($"No HTTP route named '{name}'.");

    public async Task DisposeHttpAsync()
    {
        foreach (var route in _routesLongestFirst) await route.Health.DisposeAsync().ConfigureAwait(false);
        _probeClient.Dispose();
    }

    public async Task DisposeTcpAsync()
    {
        foreach (var proxy in TcpProxies.Values) await proxy.DisposeAsync().ConfigureAwait(false);
    }
}

internal sealed record RouteRuntime(RouteConfig Config, IBalancer Balancer, Dictionary<Backend, CircuitBreaker> Breakers,
    TokenBucketRateLimiter? Limiter, HealthMonitor Health);

internal static class Balancers
{
    public static IBalancer For(BalancingStrategy strategy, Backend[] backends) => strategy switch
    {
        BalancingStrategy.RoundRobin => new RoundRobinBalancer(backends),
        BalancingStrategy.WeightedRoundRobin => new SmoothWeightedBalancer(backends),
        BalancingStrategy.ConsistentHash => new ConsistentHashBalancer(backends),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown balancing strategy."),
    };
}
