namespace NetCourse.Lesson09;

/// <summary>The store in this process's memory: durable as long as the process lives, which is
/// enough for tests and for one machine.</summary>
public sealed class InMemoryMessageStore : IMessageStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<long, PushMessage>> _byUser = new(StringComparer.Ordinal);
    private long _lastId;

    public Task<PushMessage> AddAsync(string userId, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(body);
        lock (_gate)
        {
            var message = new PushMessage(++_lastId, userId, body);
            if (!_byUser.TryGetValue(userId, out var pending)) _byUser[userId] = pending = [];
            pending.Add(message.Id, message);
            return Task.FromResult(message);
        }
    }

    public Task<IReadOnlyList<PushMessage>> PendingAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<PushMessage>>(_byUser.TryGetValue(userId, out var pending) ? [.. pending.Values] : []);
    }

    public Task<bool> RemoveAsync(string userId, long messageId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_byUser.TryGetValue(userId, out var pending) || !pending.Remove(messageId)) return Task.FromResult(false);
            if (pending.Count == 0) _byUser.Remove(userId);
            return Task.FromResult(true);
        }
    }

    /// <summary>Every message still stored, for diagnostics.</summary>
    public int Count
    {
        get { lock (_gate) return _byUser.Values.Sum(p => p.Count); }
    }
}
