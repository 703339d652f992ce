using System.Text;
using NetCourse.Harness.Redis;

namespace NetCourse.Lesson09.Tests.Support;

/// <summary>
/// A whole cluster for one test — auth, collect, dispatch and push nodes, each on its own loopback
/// port — on the backend of the test's fixture, and the clients the test connects. Everything is
/// stopped when it is disposed; a failing test shows the cluster's state and the errors its
/// services threw.
/// </summary>
public sealed class ClusterSetup : IAsyncDisposable
{
    /// <summary>TTL and heartbeats on the manual clock (in memory), or the real clock's for the
    /// tests that do not wait for a TTL (Redis): long enough never to expire by accident.</summary>
    public static readonly PushNodeOptions StandardTiming = new()
    {
        RegistrationTtl = TimeSpan.FromSeconds(30),
        HeartbeatInterval = TimeSpan.FromSeconds(10),
    };

    /// <summary>Real-clock TTL for Redis tests that wait for one: eight heartbeats per TTL, so a
    /// busy machine's late heartbeat never lets a live user's entry expire.</summary>
    public static readonly PushNodeOptions ShortRealTiming = new()
    {
        RegistrationTtl = TimeSpan.FromSeconds(2),
        HeartbeatInterval = TimeSpan.FromMilliseconds(250),
    };

    /// <summary>The key the test clusters sign with, so a test can make tokens of its own.</summary>
    public static readonly byte[] SigningKey = [.. Enumerable.Range(1, TokenIssuer.KeySize).Select(i => (byte)(i * 7))];

    private readonly List<PushClient> _clients = [];
    private readonly RedisServer? _redis;

    private ClusterSetup(BackendKind kind, PushCluster cluster, ManualClock? clock, RedisServer? redis)
    {
        Kind = kind;
        Cluster = cluster;
        Clock = clock;
        _redis = redis;
    }

    public BackendKind Kind { get; }

    public PushCluster Cluster { get; }

    /// <summary>The manual clock of an in-memory cluster (tokens, heartbeats and TTLs); null on Redis.</summary>
    public ManualClock? Clock { get; }

    public PushNodeOptions Timing => Cluster.Options.Node;

    public PushNodeHost Node(int index) => Cluster.Nodes[index];

    /// <param name="shortTtl">On Redis, a TTL of 2 s so a test can wait for it on the real clock.</param>
    /// <param name="decorateRegistry">Wraps the registry every service gets (a registry that fails on cue).</param>
    public static async Task<ClusterSetup> StartAsync(BackendKind kind, int nodes = 3, bool shortTtl = false,
        Func<ISessionRegistry, ISessionRegistry>? decorateRegistry = null)
    {
        var redis = kind == BackendKind.Redis ? await RedisServer.StartAsync().WithDeadline(TimeSpan.FromSeconds(15), "starting redis-server") : null;
        var clock = kind == BackendKind.InMemory ? new ManualClock() : null;
        var backend = redis is null ? ClusterBackend.InMemory(clock) : ClusterBackend.Redis(redis.Url, redis.KeyPrefix);
        if (decorateRegistry is not null) backend = new DecoratedBackend(backend, decorateRegistry);
        var options = new PushClusterOptions
        {
            Nodes = nodes,
            Node = redis is not null && shortTtl ? ShortRealTiming : StandardTiming,
            Time = (TimeProvider?)clock ?? TimeProvider.System,
            SigningKey = SigningKey,
        };
        try
        {
            var cluster = await PushCluster.StartAsync(backend, options).WithDeadline(TimeSpan.FromSeconds(20), "starting the cluster");
            var setup = new ClusterSetup(kind, cluster, clock, redis);
            FailureDiagnostics.Attach("push cluster", setup.Describe);
            return setup;
        }
        catch
        {
            if (redis is not null) await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for <paramref name="userId"/>, not yet connected, stopped with the cluster.</summary>
    public PushClient NewClient(string userId, bool autoAck = true)
    {
        var client = new PushClient(userId) { AutoAck = autoAck };
        lock (_clients) _clients.Add(client);
        return client;
    }

    /// <summary>Connects <paramref name="userId"/> to node <paramref name="node"/> with a valid token; returns once welcomed.</summary>
    public async Task<PushClient> ConnectAsync(string userId, int node = 0, bool autoAck = true)
    {
        var client = NewClient(userId, autoAck);
        await ConnectAsync(client, node);
        return client;
    }

    public Task ConnectAsync(PushClient client, int node) =>
        client.ConnectAsync(Node(node).Address, Cluster.IssueToken(client.UserId))
            .WithDeadline(what: $"{client.UserId} connecting to {Node(node).Name} and being welcomed");

    public Task<long> PostAsync(string userId, string body) =>
        Cluster.Collect.PostAsync(userId, body).WithDeadline(what: $"POST /messages for {userId} answered by collect");

    public Task<string?> LookupAsync(string userId) => Cluster.Registry.LookupAsync(userId).WithDeadline(what: $"registry lookup of {userId}");

    public Task<IReadOnlyList<PushMessage>> PendingAsync(string userId) => Cluster.Store.PendingAsync(userId).WithDeadline(what: $"the store's messages for {userId}");

    /// <summary>Waits until <paramref name="client"/>'s application has every message of <paramref name="ids"/>.</summary>
    public static Task UntilReceivedAsync(PushClient client, IReadOnlyCollection<long> ids, TimeSpan? deadline = null) =>
        Wait.UntilAsync(() => ids.All(client.HasReceived),
            () => $"{client.UserId} to receive message(s) {Ids(ids)} (received: {Ids(client.Received.Select(m => m.Id).ToList())})", deadline);

    /// <summary>Waits until the registry no longer names a node for any of <paramref name="userIds"/>.</summary>
    public Task UntilOfflineAsync(IEnumerable<string> userIds, TimeSpan? deadline = null)
    {
        var users = userIds.ToList();
        return Wait.UntilAsync(async () => (await Task.WhenAll(users.Select(u => Cluster.Registry.LookupAsync(u)))).All(n => n is null),
            () => $"the registry to forget {string.Join(", ", users.Take(5))}{(users.Count > 5 ? $" and {users.Count - 5} more" : "")}", deadline);
    }

    /// <summary>
    /// Lets the registry TTL run out for entries nobody renews: in memory the manual clock moves
    /// one TTL; on Redis the test waits (bounded) for the server to expire them.
    /// </summary>
    public async Task LetEntriesExpireAsync(IEnumerable<string> userIds)
    {
        if (Clock is not null) Clock.Advance(Timing.RegistrationTtl);
        await UntilOfflineAsync(userIds, Timing.RegistrationTtl + TimeSpan.FromSeconds(5));
    }

    /// <summary>The cluster's clock: the manual one in memory, the real one with Redis.</summary>
    public TimeProvider Time => Cluster.Options.Time;

    /// <summary>
    /// Lets the next heartbeat of every node happen: in memory, once the nodes have armed their
    /// heartbeat timers, the manual clock moves one interval; with Redis the real clock is already
    /// moving (the caller waits, bounded, for what the heartbeat does).
    /// </summary>
    public async Task NextHeartbeatAsync()
    {
        if (Clock is null) return;
        await UntilHeartbeatTimersArmedAsync();
        Clock.Advance(Timing.HeartbeatInterval);
    }

    /// <summary>
    /// Lets <paramref name="span"/> (longer than the TTL) pass while the nodes heartbeat, and fails
    /// as soon as <paramref name="userId"/>'s entry is not renewed. In memory the clock moves one
    /// interval at a time, each time waiting for the heartbeat to give the entry a full TTL again;
    /// with Redis the test watches the entry on the real clock.
    /// </summary>
    public async Task LetTimePassWithHeartbeatsAsync(TimeSpan span, string userId)
    {
        var node = await LookupAsync(userId);
        if (Clock is not null)
        {
            await UntilHeartbeatTimersArmedAsync();
            for (var passed = TimeSpan.Zero; passed < span; passed += Timing.HeartbeatInterval)
            {
                Clock.Advance(Timing.HeartbeatInterval);
                TimeSpan? left = null;
                await Wait.UntilAsync(async () => (left = await Cluster.Registry.TimeToLiveAsync(userId)) == Timing.RegistrationTtl,
                    () => $"a heartbeat to renew {userId}'s registration when the clock reached {(passed + Timing.HeartbeatInterval).TotalSeconds:0} s " +
                          $"(TTL {Timing.RegistrationTtl.TotalSeconds:0} s, heartbeat every {Timing.HeartbeatInterval.TotalSeconds:0} s): its entry has {(left is { } l ? $"{l.TotalSeconds:0.###} s left" : "expired")}");
            }
            return;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < span)
        {
            if (await LookupAsync(userId) != node)
                Assert.Fail($"{userId}'s registration expired {watch.Elapsed.TotalSeconds:0.0} s into the wait, although its node is alive: " +
                            $"heartbeats every {Timing.HeartbeatInterval.TotalMilliseconds:0} ms must renew an entry whose TTL is {Timing.RegistrationTtl.TotalSeconds:0.###} s.");
            await Task.Delay(50);
        }
    }

    private Task UntilHeartbeatTimersArmedAsync()
    {
        var alive = Cluster.Nodes.Count(n => n.IsAlive);
        return Wait.UntilAsync(() => Clock!.PendingTimers >= alive,
            () => $"the heartbeat timers of the {alive} live node(s) to be armed on the node's TimeProvider (timers armed: {Clock!.PendingTimers})");
    }

    private static string Ids(IReadOnlyCollection<long> ids) =>
        ids.Count == 0 ? "none" : string.Join(", ", ids.Take(12)) + (ids.Count > 12 ? $", … ({ids.Count} in all)" : "");

    private string? _finalState;

    /// <summary>The cluster as the test left it (captured before teardown, which stops everything).</summary>
    public string Describe() => _finalState ?? DescribeNow();

    private string DescribeNow()
    {
        var text = new StringBuilder();
        text.AppendLine($"backend: {Cluster.Backend.Name}{(Clock is not null ? $", manual clock at {Clock.GetUtcNow():HH:mm:ss}" : "")}; TTL {Timing.RegistrationTtl.TotalSeconds:0.###} s, heartbeat every {Timing.HeartbeatInterval.TotalSeconds:0.###} s");
        foreach (var node in Cluster.Nodes)
            text.AppendLine($"{node.Name} at {node.Address}: {(node.IsAlive ? "alive" : node.WasKilled ? "killed" : "stopped")}, {node.OpenWebSockets} open WebSocket(s)");
        List<PushClient> clients;
        lock (_clients) clients = [.. _clients];
        foreach (var client in clients.Take(10))
            text.AppendLine($"client {client.UserId}: {(client.IsConnected ? $"connected to {client.Node}" : "not connected")}, {client.ReceivedCount} message(s) received, {client.DuplicatesDropped} duplicate(s) dropped{(client.CloseStatus is { } status ? $", last closed by the node with {(int)status}" : "")}");
        if (clients.Count > 10) text.AppendLine($"… and {clients.Count - 10} more clients");
        text.Append($"errors thrown inside the services: {Cluster.Faults}");
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _finalState = DescribeNow();
        List<PushClient> clients;
        lock (_clients) clients = [.. _clients];
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask())).WithDeadline(TimeSpan.FromSeconds(20), "closing the test's clients");
        await Cluster.DisposeAsync().AsTask().WithDeadline(TimeSpan.FromSeconds(30), "stopping the cluster");
        if (_redis is not null) await _redis.DisposeAsync().AsTask().WithDeadline(TimeSpan.FromSeconds(15), "stopping redis-server");
    }

    private sealed class DecoratedBackend(ClusterBackend inner, Func<ISessionRegistry, ISessionRegistry> decorate) : ClusterBackend
    {
        public override string Name => inner.Name;

        public override async Task<ServiceBackends> ConnectAsync(CancellationToken cancellationToken = default)
        {
            var backends = await inner.ConnectAsync(cancellationToken);
            return new ServiceBackends(decorate(backends.Registry), backends.Store, backends);
        }
    }
}
