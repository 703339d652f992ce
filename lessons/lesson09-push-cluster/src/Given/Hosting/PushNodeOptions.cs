namespace NetCourse.Lesson09;

/// <summary>How a push node keeps its users' registry entries alive.</summary>
public sealed record PushNodeOptions
{
    /// <summary>How long an entry lives without a heartbeat: how long a dead node's users stay
    /// "online" (their messages wait in the store meanwhile).</summary>
    public TimeSpan RegistrationTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the node renews its users' entries: well inside the TTL (a third of it
    /// by default), so one late or lost heartbeat does not take users offline.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RegistrationTtl, TimeSpan.Zero, nameof(RegistrationTtl));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HeartbeatInterval, TimeSpan.Zero, nameof(HeartbeatInterval));
        if (HeartbeatInterval >= RegistrationTtl)
            throw new ArgumentException($"HeartbeatInterval ({HeartbeatInterval}) must be shorter than RegistrationTtl ({RegistrationTtl}), or entries expire between heartbeats.");
    }
}
