namespace NetCourse.Lesson09;

/// <summary>
/// The registry in this process's memory, for tests and single-machine runs: entries expire on
/// the <see cref="TimeProvider"/> it is given, so a test moves past a TTL with the manual clock
/// instead of waiting. Expired entries are treated as absent (and dropped when next touched),
/// the way Redis expires keys lazily.
/// </summary>
public sealed class InMemorySessionRegistry(TimeProvider? time = null) : ISessionRegistry
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private readonly record struct Entry(string Node, DateTimeOffset ExpiresAt);

    public Task RegisterAsync(string userId, string node, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        Validate(userId, ttl);
        ArgumentException.ThrowIfNullOrEmpty(node);
        lock (_gate) _entries[userId] = new Entry(node, _time.GetUtcNow() + ttl);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> RenewAsync(string node, IReadOnlyCollection<string> userIds, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var lost = new List<string>();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var userId in userIds)
            {
                if (TryGetLive(userId, now, out var entry) && entry.Node == node) _entries[userId] = entry with { ExpiresAt = now + ttl };
                else lost.Add(userId);
            }
        }
        return Task.FromResult<IReadOnlyList<string>>(lost);
    }

    public Task<string?> LookupAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(TryGetLive(userId, _time.GetUtcNow(), out var entry) ? entry.Node : null);
    }

    public Task<bool> UnregisterAsync(string userId, string node, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var deleted = TryGetLive(userId, _time.GetUtcNow(), out var entry) && entry.Node == node && _entries.Remove(userId);
            return Task.FromResult(deleted);
        }
    }

    public Task<TimeSpan?> TimeToLiveAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(TimeToLive(userId));

    /// <summary>The synchronous form of <see cref="TimeToLiveAsync"/>, for tests that poll it.</summary>
    public TimeSpan? TimeToLive(string userId)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return TryGetLive(userId, now, out var entry) ? entry.ExpiresAt - now : null;
        }
    }

    /// <summary>Live entries (not expired), for diagnostics.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                return _entries.Values.Count(e => e.ExpiresAt > now);
            }
        }
    }

    // Under the lock. An entry is live strictly before its expiry, as a Redis key is.
    private bool TryGetLive(string userId, DateTimeOffset now, out Entry entry)
    {
        if (!_entries.TryGetValue(userId, out entry)) return false;
        if (entry.ExpiresAt > now) return true;
        _entries.Remove(userId);
        return false;
    }

    private static void Validate(string userId, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
    }
}
