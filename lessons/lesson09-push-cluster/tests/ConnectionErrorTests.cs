using System.Net.WebSockets;

namespace NetCourse.Lesson09.Tests;

/// <summary>Task 2: a connection that ends because something broke ends quietly.</summary>
[Task(2)]
public class ConnectionErrorTests
{
    [Test, Hint("See Hint 2.5: catch IOException around the whole conversation: a registry that cannot be reached ends the connection, it is not an error of the node.")]
    public async Task Connection_whose_registration_fails_ends_without_an_error_escaping_the_node()
    {
        await using var s = await ClusterSetup.StartAsync(BackendKind.InMemory, nodes: 1,
            decorateRegistry: inner => new RegistrationFailingOnce(inner));
        try
        {
            await s.ConnectAsync("alice", node: 0);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or TimeoutException)
        {
            // Unwelcomed, or welcomed in spite of the failure: the README fixes neither.
        }
        // Stopping the node waits for the requests in progress, and with them for any error the
        // node's handler let out.
        await s.Node(0).DisposeAsync();
        s.Cluster.Faults.Count.ShouldBe(0, $"The registry could not be reached while alice connected: the connection may end, but HandleConnectionAsync must not throw (it threw: {s.Cluster.Faults}).");
    }

    /// <summary>A registry whose first RegisterAsync fails, as a registry restarting would.</summary>
    private sealed class RegistrationFailingOnce(ISessionRegistry inner) : ISessionRegistry
    {
        private int _registrations;

        public Task RegisterAsync(string userId, string node, TimeSpan ttl, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _registrations) == 1
                ? Task.FromException(new IOException("The registry is unreachable (it is restarting)."))
                : inner.RegisterAsync(userId, node, ttl, cancellationToken);

        public Task<IReadOnlyList<string>> RenewAsync(string node, IReadOnlyCollection<string> userIds, TimeSpan ttl, CancellationToken cancellationToken = default) => inner.RenewAsync(node, userIds, ttl, cancellationToken);

        public Task<string?> LookupAsync(string userId, CancellationToken cancellationToken = default) => inner.LookupAsync(userId, cancellationToken);

        public Task<bool> UnregisterAsync(string userId, string node, CancellationToken cancellationToken = default) => inner.UnregisterAsync(userId, node, cancellationToken);

        public Task<TimeSpan?> TimeToLiveAsync(string userId, CancellationToken cancellationToken = default) => inner.TimeToLiveAsync(userId, cancellationToken);
    }
}
