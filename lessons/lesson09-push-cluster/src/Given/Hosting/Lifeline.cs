namespace NetCourse.Lesson09;

/// <summary>
/// What makes <see cref="PushNodeHost.KillAsync"/> a crash rather than a shutdown: once cut, every
/// registry and store call of the node fails, as nothing leaves a dead process. Its connection
/// handlers, woken by their aborted sockets, cannot deregister anyone on the way out.
/// </summary>
internal sealed class Lifeline(string node)
{
    private volatile bool _cut;

    public bool IsCut => _cut;

    public void Cut() => _cut = true;

    public void ThrowIfCut()
    {
        if (_cut) throw new IOException($"{node} was killed: a dead node reaches neither the registry nor the store.");
    }
}

internal sealed class SeverableRegistry(ISessionRegistry inner, Lifeline lifeline) : ISessionRegistry
{
    public Task RegisterAsync(string userId, string node, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lifeline.ThrowIfCut();
        return inner.RegisterAsync(userId, node, ttl, cancellationToken);
    }

    public Task<IReadOnlyList<string>> RenewAsync(string node, IReadOnlyCollection<string> userIds, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        lifeline.ThrowIfCut();
        return inner.RenewAsync(node, userIds, ttl, cancellationToken);
    }

    public Task<string?> LookupAsync(string userId, CancellationToken cancellationToken = default)
    {
        lifeline.ThrowIfCut();
        return inner.LookupAsync(userId, cancellationToken);
    }

    public Task<bool> UnregisterAsync(string userId, string node, CancellationToken cancellationToken = default)
    {
        lifeline.ThrowIfCut();
        return inner.UnregisterAsync(userId, node, cancellationToken);
    }

    public Task<TimeSpan?> TimeToLiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        lifeline.ThrowIfCut();
        return inner.TimeToLiveAsync(userId, cancellationToken);
    }
}

internal sealed class SeverableStore(IMessageStore inner, Lifeline lifeline) : IMessageStore
{
    public Task<PushMessage> AddAsync(string userId, string body, CancellationToken cancellationToken = default)
    {
        lifeline.ThrowIfCut();
        return inner.AddAsync(userId, body, cancellationToken);
    }

    public Task<IReadOnlyList<PushMessage>> PendingAsync(string userId, CancellationToken cancellationToken = default)
    {
        lifeline.ThrowIfCut();
        return inner.PendingAsync(userId, cancellationToken);
    }

    public Task<bool> RemoveAsync(string userId, long messageId, CancellationToken cancellationToken = default)
    {
        lifeline.ThrowIfCut();
        return inner.RemoveAsync(userId, messageId, cancellationToken);
    }
}
