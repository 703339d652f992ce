using System.Text;
using NetCourse.Harness.Redis;

namespace NetCourse.Lesson09.Tests.Support;

/// <summary>
/// A whole cluster for one test — auth, collect, dispatch and push nodes, each on its own loopback
/// port — on the backend of the test's fixture, and the clients the test connects. Everything is
/// stopped when it is disposed; a failing test shows the cluster's state and the errors its
/// services threw.
/// <para>Time is a manual clock on both backends: heartbeats and tokens follow it, and so do the
/// registry's TTLs — in memory directly, on Redis by moving the TTLs of the test's keys as the
/// clock moves (<see cref="RedisKeyspace.AdvanceExpiryAsync"/>), so no test waits for real time.
/// All Redis tests of a run share one redis-server and one multiplexer, each test in its own keyspace.</para>
/// </summary>
public sealed class ClusterSetup : IAsyncDisposable
{
    /// <summary>TTL and heartbeats on the manual clock. On Redis the server's real clock runs too,
    /// but a test takes far less than a TTL of it, so no entry expires by accident.</summary>
    public static readonly PushNodeOptions StandardTiming = new()
    {
        RegistrationTtl = TimeSpan.FromSeconds(30),
        HeartbeatInterval = TimeSpan.FromSeconds(10),
    };

    /// <summary>The key the test clusters sign with, so a test can make tokens of its own.</summary>
    public static readonly byte[] SigningKey = [.. Enumerable.Range(1, TokenIssuer.KeySize).Select(i => (byte)(i * 7))];

    private readonly List<PushClient> _clients = [];
    private readonly RedisKeyspace? _redis;

    private ClusterSetup(BackendKind kind, PushCluster cluster, ManualClock clock, RedisKeyspace? redis)
    {
        Kind = kind;
        Cluster = cluster;
        Clock = clock;
        _redis = redis;
    }

    public BackendKind Kind { get; }

    public PushCluster Cluster { get; }

    /// <summary>The cluster's manual clock (tokens, heartbeats and TTLs). Move it with <see cref="AdvanceAsync"/>,
    /// which moves the Redis TTLs along.</summary>
    public ManualClock Clock { get; }

    public PushNodeOptions Timing => Cluster.Options.Node;

    public PushNodeHost Node(int index) => Cluster.Nodes[index];

    /// <param name="decorateRegistry">Wraps the registry every service gets (a registry that fails on cue).</param>
    public static async Task<ClusterSetup> StartAsync(BackendKind kind, int nodes = 3,
        Func<ISessionRegistry, ISessionRegistry>? decorateRegistry = null)
    {
        var redis = kind == BackendKind.Redis
            ? (await RedisServer.SharedAsync().WithDeadline(TimeSpan.FromSeconds(15), "starting redis-server")).NewKeyspace()
            : null;
        var clock = new ManualClock();
        var backend = redis is null ? ClusterBackend.InMemory(clock) : ClusterBackend.Redis(redis.Connection, redis.Prefix);
        if (decorateRegistry is not null) backend = new DecoratedBackend(backend, decorateRegistry);
        var options = new PushClusterOptions
        {
            Nodes = nodes,
            Node = StandardTiming,
            Time = clock,
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
    /// Moves the cluster's time forward: on Redis first the TTLs of the test's keys (as if the
    /// server's clock had moved), then the manual clock, which fires the heartbeats that fall due —
    /// so a heartbeat renews an entry after its TTL has moved, as on a real timeline.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        if (_redis is not null) await _redis.AdvanceExpiryAsync(by).WithDeadline(what: $"moving the Redis TTLs by {by.TotalSeconds:0.###} s");
        Clock.Advance(by);
    }

    /// <summary>Lets the registry TTL run out for entries nobody renews: the clock (and the Redis TTLs) move one TTL.</summary>
    public async Task LetEntriesExpireAsync(IEnumerable<string> userIds)
    {
        await AdvanceAsync(Timing.RegistrationTtl);
        await UntilOfflineAsync(userIds);
    }

    /// <summary>The cluster's clock (the manual one).</summary>
    public TimeProvider Time => Cluster.Options.Time;

    /// <summary>Lets the next heartbeat of every node happen: once the nodes have armed their
    /// heartbeat timers, time moves one interval.</summary>
    public async Task NextHeartbeatAsync()
    {
        await UntilHeartbeatTimersArmedAsync();
        await AdvanceAsync(Timing.HeartbeatInterval);
    }

    /// <summary>
    /// Lets <paramref name="span"/> (longer than the TTL) pass while the nodes heartbeat, and fails
    /// as soon as <paramref name="userId"/>'s entry is not renewed: time moves one interval at a
    /// time, each time waiting for the heartbeat to give the entry a full TTL again.
    /// </summary>
    public async Task LetTimePassWithHeartbeatsAsync(TimeSpan span, string userId)
    {
        await UntilHeartbeatTimersArmedAsync();
        for (var passed = TimeSpan.Zero; passed < span; passed += Timing.HeartbeatInterval)
        {
            await AdvanceAsync(Timing.HeartbeatInterval);
            TimeSpan? left = null;
            await Wait.UntilAsync(async () => HasFullTtl(left = await Cluster.Registry.TimeToLiveAsync(userId)),
                () => $"a heartbeat to renew {userId}'s registration when the clock reached {(passed + Timing.HeartbeatInterval).TotalSeconds:0} s " +
                      $"(TTL {Timing.RegistrationTtl.TotalSeconds:0} s, heartbeat every {Timing.HeartbeatInterval.TotalSeconds:0} s): its entry has {(left is { } l ? $"{l.TotalSeconds:0.###} s left" : "expired")}");
        }
    }

    // In memory a renewed entry has exactly one TTL left. On Redis the server's real clock has also
    // run a little since the renewal; an entry not renewed has a whole interval less.
    private bool HasFullTtl(TimeSpan? left) => Kind == BackendKind.InMemory
        ? left == Timing.RegistrationTtl
        : left > Timing.RegistrationTtl - Timing.HeartbeatInterval / 2;

    private Task UntilHeartbeatTimersArmedAsync()
    {
        var alive = Cluster.Nodes.Count(n => n.IsAlive);
        return Wait.UntilAsync(() => Clock.PendingTimers >= alive,
            () => $"the heartbeat timers of the {alive} live node(s) to be armed on the node's TimeProvider (timers armed: {Clock.PendingTimers})");
    }

    private static string Ids(IReadOnlyCollection<long> ids) =>
        ids.Count == 0 ? "none" : string.Join(", ", ids.Take(12)) + (ids.Count > 12 ? $", … ({ids.Count} in all)" : "");

    private string? _finalState;

    /// <summary>The cluster as the test left it (captured before teardown, which stops everything).</summary>
    public string Describe() => _finalState ?? DescribeNow();

    private string DescribeNow()
    {
        var text = new StringBuilder();
        text.AppendLine($"backend: {Cluster.Backend.Name}, manual clock at {Clock.GetUtcNow():HH:mm:ss}{(_redis is not null ? $", keys under {_redis.Prefix}" : "")}; TTL {Timing.RegistrationTtl.TotalSeconds:0.###} s, heartbeat every {Timing.HeartbeatInterval.TotalSeconds:0.###} s");
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
        if (_redis is not null) await _redis.DisposeAsync().AsTask().WithDeadline(TimeSpan.FromSeconds(15), "deleting the test's Redis keys");
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
