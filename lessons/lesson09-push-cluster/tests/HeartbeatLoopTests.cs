using System.Net.WebSockets;

namespace NetCourse.Lesson09.Tests;

/// <summary>Task 5: the heartbeat loop itself, on the manual clock.</summary>
[Task(5)]
public class HeartbeatLoopTests
{
    [Test, Hint("See Hint 5.1: pass the token to the timer's wait: cancelling it ends RunHeartbeatsAsync.")]
    public async Task Heartbeats_end_when_their_token_is_cancelled()
    {
        var clock = new ManualClock();
        var node = new PushNode("http://127.0.0.1:1", new InMemorySessionRegistry(clock), new InMemoryMessageStore(),
            new TokenVerifier(ClusterSetup.SigningKey, clock), ClusterSetup.StandardTiming, clock);
        using var stop = new CancellationTokenSource();
        var beating = node.RunHeartbeatsAsync(stop.Token);
        await Wait.UntilAsync(() => clock.PendingTimers == 1, () => "the heartbeat timer to be armed on the node's TimeProvider (a PeriodicTimer, or Task.Delay with it)");
        stop.Cancel();
        try
        {
            await beating.WithDeadline(what: "RunHeartbeatsAsync ending after its token was cancelled");
        }
        catch (OperationCanceledException)
        {
            // Ending cancelled is as good as ending quietly.
        }
    }

    [Test, Points(2), Hint("See Hint 5.3: catch the IOException of a registry that cannot be reached, and try again at the next beat.")]
    public async Task Heartbeats_go_on_after_the_registry_fails_once()
    {
        FailingOnce? registry = null;
        await using var s = await ClusterSetup.StartAsync(BackendKind.InMemory, nodes: 1,
            decorateRegistry: inner => registry ??= new FailingOnce(inner));
        await s.ConnectAsync("alice", node: 0);

        await s.NextHeartbeatAsync();
        await Wait.UntilAsync(() => registry!.Renewals >= 1, () => "the first heartbeat to call RenewAsync (the call that fails)");
        await s.NextHeartbeatAsync();
        TimeSpan? left = null;
        await Wait.UntilAsync(async () => (left = await s.Cluster.Registry.TimeToLiveAsync("alice")) == s.Timing.RegistrationTtl,
            () => $"the second heartbeat to renew alice's entry after the first one failed (it has {left?.TotalSeconds:0.###} s left of {s.Timing.RegistrationTtl.TotalSeconds:0} s)");
    }

    [Test, Points(2), Hint("See Hint 5.2: close only the connection the beat renewed: a newer connection of the user here registered after the renewal and is not lost.")]
    public async Task Heartbeat_that_finds_a_user_moved_leaves_a_newer_connection_of_that_user_here_open()
    {
        HeldRenewal? registry = null;
        await using var s = await ClusterSetup.StartAsync(BackendKind.InMemory, nodes: 2,
            decorateRegistry: inner => registry ??= new HeldRenewal(inner));
        await s.ConnectAsync("alice", node: 0);
        await s.ConnectAsync("alice", node: 1);
        registry!.HoldNextRenewalOf(s.Node(0).Address);

        // Node-0's beat renews alice's first connection and learns she moved; before its answer
        // arrives, alice connects to node-0 again and registers there.
        await s.NextHeartbeatAsync();
        await registry.Answered.WithDeadline(what: "node-0's heartbeat calling RenewAsync (held before it returns)");
        var newer = await s.ConnectAsync("alice", node: 0);
        registry.Release();
        await s.NextHeartbeatAsync();
        await Wait.UntilAsync(() => registry.RenewalsOfHeldNode >= 2, () => "node-0's next heartbeat (the beat that found alice moved has ended)");

        var id = await s.PostAsync("alice", "still here");
        await ClusterSetup.UntilReceivedAsync(newer, [id]);
        newer.IsConnected.ShouldBeTrue("The beat learned that alice's first connection moved; her newer connection on node-0 registered after that renewal and must stay open.");
    }

    [Test, Hint("See Hint 2.3: a send that fails (the connection is closing or broke) is false, not an exception: the message is still stored.")]
    public async Task Delivery_to_a_connection_the_node_has_closed_returns_false()
    {
        await using var s = await ClusterSetup.StartAsync(BackendKind.InMemory, nodes: 2);
        // A raw client that reads the node's close frame and never answers it: the node's side of
        // the connection stays half closed, so a send on it fails while the connection is not over.
        using var old = new ClientWebSocket();
        await old.ConnectAsync(PushClient.WebSocketUri(s.Node(0).Address, s.Cluster.IssueToken("alice")), CancellationToken.None).WithDeadline();
        var buffer = new byte[4096];
        (await old.ReceiveAsync(buffer, CancellationToken.None).WithDeadline(what: "node-1's welcome"))
            .MessageType.ShouldBe(WebSocketMessageType.Text, "node-1 must welcome alice with a text frame.");
        await s.ConnectAsync("alice", node: 1);
        await s.NextHeartbeatAsync();
        (await old.ReceiveAsync(buffer, CancellationToken.None).WithDeadline(what: "node-1 closing alice's old connection at its next heartbeat"))
            .MessageType.ShouldBe(WebSocketMessageType.Close, "alice moved to node-2: node-1's heartbeat must close her old connection.");

        (await s.Node(0).Node.DeliverAsync(new PushMessage(9, "alice", "too late")).WithDeadline())
            .ShouldBeFalse("node-1 has closed alice's connection: a delivery to it fails, and DeliverAsync must say so with false (the message stays stored).");
    }

    /// <summary>A registry that holds one node's next RenewAsync answer until released, as a slow registry would.</summary>
    private sealed class HeldRenewal(ISessionRegistry inner) : ISessionRegistry
    {
        private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile string? _held;
        private int _renewals;

        public Task Answered => _answered.Task;

        public int RenewalsOfHeldNode => Volatile.Read(ref _renewals);

        public void HoldNextRenewalOf(string node) => _held = node;

        public void Release() => _released.TrySetResult();

        public async Task<IReadOnlyList<string>> RenewAsync(string node, IReadOnlyCollection<string> userIds, TimeSpan ttl, CancellationToken cancellationToken = default)
        {
            var answer = await inner.RenewAsync(node, userIds, ttl, cancellationToken);
            if (node != _held) return answer;
            if (Interlocked.Increment(ref _renewals) == 1)
            {
                _answered.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
            }
            return answer;
        }

        public Task RegisterAsync(string userId, string node, TimeSpan ttl, CancellationToken cancellationToken = default) => inner.RegisterAsync(userId, node, ttl, cancellationToken);

        public Task<string?> LookupAsync(string userId, CancellationToken cancellationToken = default) => inner.LookupAsync(userId, cancellationToken);

        public Task<bool> UnregisterAsync(string userId, string node, CancellationToken cancellationToken = default) => inner.UnregisterAsync(userId, node, cancellationToken);

        public Task<TimeSpan?> TimeToLiveAsync(string userId, CancellationToken cancellationToken = default) => inner.TimeToLiveAsync(userId, cancellationToken);
    }

    /// <summary>A registry whose first RenewAsync fails, as a registry restarting would.</summary>
    private sealed class FailingOnce(ISessionRegistry inner) : ISessionRegistry
    {
        private int _renewals;

        public int Renewals => Volatile.Read(ref _renewals);

        public Task<IReadOnlyList<string>> RenewAsync(string node, IReadOnlyCollection<string> userIds, TimeSpan ttl, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _renewals) == 1
                ? Task.FromException<IReadOnlyList<string>>(new IOException("The registry is unreachable (it is restarting)."))
                : inner.RenewAsync(node, userIds, ttl, cancellationToken);

        public Task RegisterAsync(string userId, string node, TimeSpan ttl, CancellationToken cancellationToken = default) => inner.RegisterAsync(userId, node, ttl, cancellationToken);

        public Task<string?> LookupAsync(string userId, CancellationToken cancellationToken = default) => inner.LookupAsync(userId, cancellationToken);

        public Task<bool> UnregisterAsync(string userId, string node, CancellationToken cancellationToken = default) => inner.UnregisterAsync(userId, node, cancellationToken);

        public Task<TimeSpan?> TimeToLiveAsync(string userId, CancellationToken cancellationToken = default) => inner.TimeToLiveAsync(userId, cancellationToken);
    }
}
