namespace NetCourse.Lesson09;

public sealed partial class PushNode
{
    /// <summary>
    /// Renews the registry entries of every user on this node each
    /// <see cref="PushNodeOptions.HeartbeatInterval"/>, until <paramref name="cancellationToken"/> is
    /// cancelled. A user whose entry is gone or names another node (it connected elsewhere) has
    /// its connection here closed with <see cref="WireProtocol.SessionMoved"/>.
    /// </summary>
    public async Task RunHeartbeatsAsync(CancellationToken cancellationToken)
    {
        // One timer for the whole node, not one per connection: ten thousand users cost one
        // wake-up and a few batched registry calls per interval.
        using var timer = new PeriodicTimer(_options.HeartbeatInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                await BeatAsync(RegisteredSessions(), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the entries now live out their TTL, or are deleted as connections close.
        }
    }

    // The users to renew, at this beat: those whose registration has completed.
    private Dictionary<string, Session> RegisteredSessions() =>
        _sessions.Values.Where(s => s.IsRegistered).ToDictionary(s => s.UserId, StringComparer.Ordinal);

    private async Task BeatAsync(Dictionary<string, Session> sessions, CancellationToken cancellationToken)
    {
        if (sessions.Count == 0) return;

        IReadOnlyList<string> lost;
        try
        {
            lost = await _registry.RenewAsync(Address, sessions.Keys, _options.RegistrationTtl, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The registry is unreachable this time. The entries still have most of their TTL
            // (the interval is a fraction of it): the next beat tries again.
            return;
        }

        foreach (var userId in lost)
        {
            // The same session as renewed: a newer connection of the user here registered after.
            if (_sessions.TryGetValue(userId, out var current) && ReferenceEquals(current, sessions[userId]))
                await current.Socket.CloseAsync(WireProtocol.SessionMoved, "the session moved to another node, or expired", cancellationToken).ConfigureAwait(false);
        }
    }
}
