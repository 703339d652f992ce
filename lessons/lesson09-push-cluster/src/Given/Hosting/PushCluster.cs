using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NetCourse.Lesson09;

/// <summary>
/// A whole push cluster on loopback, each service a Kestrel server on its own port, as separate
/// processes would be: auth, collect, dispatch and <see cref="PushClusterOptions.Nodes"/> push
/// nodes, over one backend (in memory or Redis). For tests, the benchmark and class demos.
/// </summary>
/// <example>
/// <code>
/// await using var cluster = await PushCluster.StartAsync(ClusterBackend.InMemory());
/// await using var alice = new PushClient("alice");
/// await alice.ConnectAsync(cluster.Nodes[1].Address, cluster.IssueToken("alice"));
/// await cluster.Collect.PostAsync("alice", "hello");   // arrives in alice.Received
/// </code>
/// </example>
public sealed class PushCluster : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned;

    private PushCluster(ClusterBackend backend, PushClusterOptions options, TokenIssuer tokens, HttpClient http,
        ServiceHost auth, ServiceHost collect, ServiceHost dispatch, IReadOnlyList<PushNodeHost> nodes,
        ServiceBackends observer, ServiceFaults faults, List<IAsyncDisposable> owned)
    {
        Backend = backend;
        Options = options;
        Tokens = tokens;
        Http = http;
        AuthAddress = auth.Address;
        CollectAddress = collect.Address;
        DispatchAddress = dispatch.Address;
        Nodes = nodes;
        Registry = observer.Registry;
        Store = observer.Store;
        Faults = faults;
        Collect = new CollectClient(http, collect.Address);
        Auth = new AuthClient(http, auth.Address);
        _owned = owned;
    }

    public ClusterBackend Backend { get; }

    public PushClusterOptions Options { get; }

    /// <summary>The auth service's signing half, for tokens without an HTTP round trip.</summary>
    public TokenIssuer Tokens { get; }

    /// <summary>The HTTP client the services share (and a producer may use).</summary>
    public HttpClient Http { get; }

    public string AuthAddress { get; }

    public string CollectAddress { get; }

    public string DispatchAddress { get; }

    public IReadOnlyList<PushNodeHost> Nodes { get; }

    /// <summary>The registry as an outside observer sees it (its own registry and store objects).</summary>
    public ISessionRegistry Registry { get; }

    /// <summary>The store as an outside observer sees it (its own registry and store objects).</summary>
    public IMessageStore Store { get; }

    /// <summary>A producer's client of the collect service.</summary>
    public CollectClient Collect { get; }

    /// <summary>A client of the auth service.</summary>
    public AuthClient Auth { get; }

    /// <summary>What the services' code threw while serving requests.</summary>
    public ServiceFaults Faults { get; }

    /// <summary>A token for <paramref name="userId"/> with the cluster's token lifetime.</summary>
    public string IssueToken(string userId) => Tokens.Issue(userId, Options.TokenLifetime);

    public static async Task<PushCluster> StartAsync(ClusterBackend backend, PushClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        options ??= new PushClusterOptions();
        options.Node.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Nodes, 1, nameof(options.Nodes));
        var key = options.SigningKey ?? TokenIssuer.NewKey();
        var tokens = new TokenIssuer(key, options.Time);
        var faults = new ServiceFaults();
        var http = ClusterHttp.CreateClient();
        // Disposed in reverse order of starting, whatever fails half-way.
        var owned = new List<IAsyncDisposable>();
        try
        {
            var auth = await ServiceHost.StartAsync("auth", faults, app => app.MapPost(WireProtocol.TokensPath, async context =>
            {
                if (await ServiceHost.ReadJsonAsync(context, PushJson.Default.TokenRequest).ConfigureAwait(false) is not { User.Length: > 0 } request)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                // A real auth service checks a password or a session first; the course's trusts the caller.
                var token = tokens.Issue(request.User, options.TokenLifetime);
                await ServiceHost.WriteJsonAsync(context, StatusCodes.Status200OK, new TokenResponse(token), PushJson.Default.TokenResponse).ConfigureAwait(false);
            }), cancellationToken, PortOf(options, 0)).ConfigureAwait(false);
            owned.Add(auth);

            var dispatchBackends = await backend.ConnectAsync(cancellationToken).ConfigureAwait(false);
            owned.Add(dispatchBackends);
            var dispatcher = new Dispatcher(dispatchBackends.Registry, new HttpNodeClient(http, options.DeliveryTimeout));
            var dispatch = await ServiceHost.StartAsync("dispatch", faults, app => app.MapPost(WireProtocol.DispatchPath, async context =>
            {
                if (await ServiceHost.ReadJsonAsync(context, PushJson.Default.PushMessage).ConfigureAwait(false) is not { UserId.Length: > 0 } message)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                var outcome = await dispatcher.DispatchAsync(message, context.RequestAborted).ConfigureAwait(false);
                await ServiceHost.WriteJsonAsync(context, StatusCodes.Status200OK, new DispatchResponse(outcome), PushJson.Default.DispatchResponse).ConfigureAwait(false);
            }), cancellationToken, PortOf(options, 2)).ConfigureAwait(false);
            owned.Add(dispatch);

            var collectBackends = await backend.ConnectAsync(cancellationToken).ConfigureAwait(false);
            owned.Add(collectBackends);
            var collector = new Collector(collectBackends.Store, new HttpDispatchClient(http, dispatch.Address));
            var collect = await ServiceHost.StartAsync("collect", faults, app => app.MapPost(WireProtocol.MessagesPath, async context =>
            {
                if (await ServiceHost.ReadJsonAsync(context, PushJson.Default.CollectRequest).ConfigureAwait(false) is not { User.Length: > 0, Body: not null } request)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                var message = await collector.CollectAsync(request.User, request.Body, context.RequestAborted).ConfigureAwait(false);
                await ServiceHost.WriteJsonAsync(context, StatusCodes.Status202Accepted, new CollectResponse(message.Id), PushJson.Default.CollectResponse).ConfigureAwait(false);
            }), cancellationToken, PortOf(options, 1)).ConfigureAwait(false);
            owned.Add(collect);

            var nodes = new List<PushNodeHost>();
            for (var i = 1; i <= options.Nodes; i++)
            {
                var node = await PushNodeHost.StartAsync($"node-{i}", backend, key, options, faults, cancellationToken, PortOf(options, 2 + i)).ConfigureAwait(false);
                owned.Add(node);
                nodes.Add(node);
            }

            var observer = await backend.ConnectAsync(cancellationToken).ConfigureAwait(false);
            owned.Add(observer);
            return new PushCluster(backend, options, tokens, http, auth, collect, dispatch, nodes, observer, faults, owned);
        }
        catch
        {
            await DisposeAllAsync(owned).ConfigureAwait(false);
            http.Dispose();
            throw;
        }
    }

    /// <summary>auth, collect, dispatch, then the nodes, from <see cref="PushClusterOptions.BasePort"/> up (0: any free port).</summary>
    private static int PortOf(PushClusterOptions options, int offset) => options.BasePort == 0 ? 0 : options.BasePort + offset;

    public async ValueTask DisposeAsync()
    {
        await DisposeAllAsync(_owned).ConfigureAwait(false);
        Http.Dispose();
    }

    // Nodes first (their handlers may still deregister users), then collect, dispatch, auth.
    private static async Task DisposeAllAsync(List<IAsyncDisposable> owned)
    {
        for (var i = owned.Count - 1; i >= 0; i--) await owned[i].DisposeAsync().ConfigureAwait(false);
        owned.Clear();
    }
}
