namespace NetCourse.Lesson10.Tests.Support;

/// <summary>A gateway on the manual clock, its backends, and a client that talks to it; disposed together.</summary>
public sealed class GatewayRun : IAsyncDisposable
{
    public static readonly byte[] TokenKey = [.. Enumerable.Range(1, TokenIssuer.KeySize).Select(i => (byte)i)];

    private readonly List<IAsyncDisposable> _owned = [];

    private GatewayRun(ManualClock clock) => Clock = clock;

    public ManualClock Clock { get; }

    public Gateway Gateway { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public TokenIssuer Issuer => new(TokenKey, Clock);

    public static async Task<GatewayRun> StartAsync(params RouteConfig[] routes) => await StartAsync(new GatewayConfig(routes));

    public static async Task<GatewayRun> StartAsync(GatewayConfig config, ManualClock? clock = null)
    {
        var run = new GatewayRun(clock ?? new ManualClock());
        run.Gateway = await Gateway.StartAsync(config, new GatewayHostOptions(Time: run.Clock, TokenKey: TokenKey)).WithDeadline();
        run.Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = run.Gateway.Address,
            Timeout = Deadline.Standard,
        };
        return run;
    }

    /// <summary>Disposed with the run (backends the test started).</summary>
    public T Own<T>(T disposable) where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await Client.SendAsync(request).WithDeadline();
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var owned in _owned) await owned.DisposeAsync();
    }
}

/// <summary>Routes in one line for the tests.</summary>
public static class Routes
{
    /// <summary>Health probes that never happen unless a test moves the clock by an hour.</summary>
    public static readonly HealthOptions QuietHealth = new("/health", TimeSpan.FromHours(1), Rise: 1, Fall: 2, TimeSpan.FromSeconds(5));

    public static RouteConfig To(string prefix, params RecordingBackend[] backends) =>
        new("r" + prefix.Trim('/').Replace('/', '-'), prefix, [.. backends.Select(b => b.Config())], Health: QuietHealth);
}
