namespace NetCourse.Lesson09;

/// <summary>
/// The session registry: which node holds each connected user, as <c>user → node</c> entries
/// that expire on their own after a time to live. A node that dies cannot clean up after itself,
/// so its entries must vanish without it: live nodes renew theirs with heartbeats. A node is
/// named by its address (<c>http://127.0.0.1:41234</c>), which is where dispatch forwards.
/// </summary>
public interface ISessionRegistry
{
    /// <summary>Sets <c>user → node</c> for <paramref name="ttl"/>, replacing any other node's
    /// entry: the latest connection of a user wins (Redis: <c>SET key node PX ttl</c>).</summary>
    Task RegisterAsync(string userId, string node, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>A heartbeat: gives each of <paramref name="userIds"/> whose entry still names
    /// <paramref name="node"/> a fresh <paramref name="ttl"/>, and returns the others — users whose
    /// entry expired or now names another node (they moved). Never creates an entry.</summary>
    Task<IReadOnlyList<string>> RenewAsync(string node, IReadOnlyCollection<string> userIds, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>The node that holds <paramref name="userId"/>, or null when the user is offline
    /// (no entry, or an expired one).</summary>
    Task<string?> LookupAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the entry only if it still names <paramref name="node"/> (compare and
    /// delete): a user who has meanwhile connected elsewhere keeps the new entry. True if deleted.</summary>
    Task<bool> UnregisterAsync(string userId, string node, CancellationToken cancellationToken = default);

    /// <summary>How long the entry has left, or null when there is none (Redis: <c>PTTL</c>).</summary>
    Task<TimeSpan?> TimeToLiveAsync(string userId, CancellationToken cancellationToken = default);
}
