using System.Net;

namespace NetCourse.Lesson10;

/// <summary>
/// The gateway: one Kestrel server that routes each request through the same pipeline —
/// route, authenticate, rate-limit, balance, circuit-break, forward — and degrades to the route's
/// fallback when its backends cannot answer. TCP routes get a <see cref="TcpProxy"/> each.
/// </summary>
public sealed class Gateway : IAsyncDisposable
{
    // Made by StartAsync only.
    private Gateway() { }

    /// <summary><c>http://127.0.0.1:PORT/</c></summary>
    public Uri Address =>
        throw new NotImplementedException("Task 6: the address of the gateway's KestrelHost.");

    /// <summary>Starts the gateway on Kestrel, its TCP routes, and the health probes of every route.</summary>
    public static Task<Gateway> StartAsync(GatewayConfig config, GatewayHostOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 6: build each route (balancer, breakers, limiter, health monitor), start a KestrelHost whose handler is the pipeline, start the probes and the TCP routes.");

    /// <summary>The backends of the HTTP route named <paramref name="route"/>, as the gateway sees them now.</summary>
    public IReadOnlyList<Backend> BackendsOf(string route) =>
        throw new NotImplementedException("Task 6: the backends of that route's balancer.");

    /// <summary>The health monitor of the HTTP route named <paramref name="route"/>.</summary>
    public HealthMonitor HealthOf(string route) =>
        throw new NotImplementedException("Task 6: that route's health monitor.");

    /// <summary>Where the TCP route named <paramref name="route"/> listens.</summary>
    public IPEndPoint TcpEndPoint(string route) =>
        throw new NotImplementedException("Task 9: the end point of that route's TcpProxy.");

    /// <summary>
    /// Serves <paramref name="config"/> from now on. Requests already running finish on the old
    /// routes; new ones take the new. TCP routes keep their listeners (a port cannot be handed over).
    /// </summary>
    public Task ReloadAsync(GatewayConfig config) =>
        throw new NotImplementedException("Task 8: build the new routes, swap them in atomically, and retire the old ones' health monitors.");

    public ValueTask DisposeAsync() =>
        throw new NotImplementedException("Task 6: stop the KestrelHost, the probes, the TCP routes and the forwarder.");
}
