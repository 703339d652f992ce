using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace NetCourse.Lesson10;

/// <summary>
/// The gateway: one Kestrel server that routes each request through the same pipeline —
/// route, authenticate, rate-limit, balance, circuit-break, forward — and degrades to the route's
/// fallback when its backends cannot answer. TCP routes get a <see cref="TcpProxy"/> each.
/// </summary>
public sealed class Gateway : IAsyncDisposable
{
    private readonly GatewayHostOptions _options;
    private readonly HttpForwarder _forwarder;
    private readonly BearerAuthenticator? _authenticator;
    private KestrelHost? _host;
    // Every request reads this once and uses what it read to the end: a reload swaps it whole,
    // and requests already running finish on the routes they started with.
    private volatile GatewayRuntime _runtime;

    private Gateway(GatewayConfig config, GatewayHostOptions options)
    {
        _options = options;
        _forwarder = new HttpForwarder(options.TimeOrSystem);
        _authenticator = options.TokenKey is { } key ? new BearerAuthenticator(new TokenVerifier(key, options.TimeOrSystem)) : null;
        _runtime = GatewayRuntime.Build(config, options.TimeOrSystem, ProbeAsync);
    }

    /// <summary><c>http://127.0.0.1:PORT/</c></summary>
    public Uri Address => _host?.Address ?? throw new InvalidOperationException("The gateway is not started.");

    /// <summary>Starts the gateway on Kestrel, its TCP routes, and the health probes of every route.</summary>
    public static async Task<Gateway> StartAsync(GatewayConfig config, GatewayHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var gateway = new Gateway(config, options ?? new GatewayHostOptions());
        if (config.Routes.Any(r => r.Auth is not null) && gateway._authenticator is null)
            throw new ArgumentException("A route has auth, but no TokenKey was given.", nameof(options));
        gateway._host = await KestrelHost.StartAsync(gateway.HandleAsync, gateway._options.Port, cancellationToken).ConfigureAwait(false);
        gateway._runtime.Start();
        return gateway;
    }

    /// <summary>The backends of the HTTP route named <paramref name="route"/>, as the gateway sees them now.</summary>
    public IReadOnlyList<Backend> BackendsOf(string route) => _runtime.Route(route).Balancer.Backends;

    /// <summary>The health monitor of the HTTP route named <paramref name="route"/>.</summary>
    public HealthMonitor HealthOf(string route) => _runtime.Route(route).Health;

    /// <summary>Where the TCP route named <paramref name="route"/> listens.</summary>
    public IPEndPoint TcpEndPoint(string route) =>
        _runtime.TcpProxies.TryGetValue(route, out var proxy) ? proxy.EndPoint : throw new KeyNotFoundException($"No TCP route named '{route}'.");

    /// <summary>
    /// Serves <paramref name="config"/> from now on. Requests already running finish on the old
    /// routes; new ones take the new. TCP routes keep their listeners (a port cannot be handed over).
    /// </summary>
    public async Task ReloadAsync(GatewayConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var next = GatewayRuntime.Build(config, _options.TimeOrSystem, ProbeAsync, keepTcpFrom: _runtime);
        next.Start();
        var previous = Interlocked.Exchange(ref _runtime, next);
        await previous.DisposeHttpAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync().ConfigureAwait(false);
        await _runtime.DisposeHttpAsync().ConfigureAwait(false);
        await _runtime.DisposeTcpAsync().ConfigureAwait(false);
        _forwarder.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var runtime = _runtime;
        if (ClimbsOutOfItsPath(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var route = runtime.Match(context.Request.Path);
        if (route is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        string? user = null;
        if (route.Config.Auth is { } auth)
        {
            var decision = _authenticator!.Authorize(context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, auth);
            if (decision.Outcome == AuthOutcome.Unauthenticated)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }
            if (decision.Outcome == AuthOutcome.Forbidden)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            user = decision.UserId;
        }

        var clientKey = user is not null ? $"user:{user}" : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (route.Limiter?.TryAcquire(clientKey) is { Allowed: false } refused)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            // Whole seconds, rounded up (RFC 9110 §10.2.3): a client that waits that long gets a token.
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(refused.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return;
        }

        var backend = route.Balancer.Pick(clientKey);
        if (backend is null)
        {
            await DegradeAsync(context, route).ConfigureAwait(false);
            return;
        }
        var breaker = route.Breakers.GetValueOrDefault(backend);
        if (breaker is not null && !breaker.TryEnter())
        {
            await DegradeAsync(context, route).ConfigureAwait(false);
            return;
        }

        var result = await _forwarder.ForwardAsync(context, backend.Address, route.Config.TimeoutOrDefault,
            forwardAuthorization: route.Config.Auth is null || route.Config.Auth.ForwardAuthorization).ConfigureAwait(false);
        if (result.Outcome == ForwardOutcome.ClientAborted)
        {
            // Not the backend's fault: a half-open probe that never got its answer may be retried.
            if (breaker is not null) breaker.OnSuccess();
            return;
        }
        if (result.Outcome == ForwardOutcome.Unreachable) route.Health.ReportFailure(backend);
        else route.Health.ReportSuccess(backend);
        if (breaker is null) return;
        if (result.IsBackendFailure) breaker.OnFailure();
        else breaker.OnSuccess();
    }

    // Kestrel has already removed dot segments from Path; a raw target that had any is a client
    // trying to reach past a route (/public/../admin), and is refused rather than guessed at.
    private static bool ClimbsOutOfItsPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var path = raw.Split('?', 2)[0];
        return path.Split('/').Any(segment => segment is ".." or "." || Uri.UnescapeDataString(segment) is ".." or ".");
    }

    // The core route stays available: a static answer, or a secondary backend, instead of an error.
    private async Task DegradeAsync(HttpContext context, RouteRuntime route)
    {
        if (route.Config.Fallback is not { } fallback)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (fallback.Backend is { } secondary)
        {
            await _forwarder.ForwardAsync(context, secondary, route.Config.TimeoutOrDefault,
                forwardAuthorization: route.Config.Auth is null || route.Config.Auth.ForwardAuthorization).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = fallback.Status;
        context.Response.ContentType = fallback.ContentType;
        if (fallback.Body is { } body) await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<bool> ProbeAsync(HttpMessageInvoker client, Backend backend, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(backend.Address, path));
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }
}
