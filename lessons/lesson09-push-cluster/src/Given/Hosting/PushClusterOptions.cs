namespace NetCourse.Lesson09;

/// <summary>The shape of a cluster started by <see cref="PushCluster.StartAsync"/>.</summary>
public sealed record PushClusterOptions
{
    /// <summary>0: every service gets a free port. Otherwise auth listens on it, collect on the next
    /// port, dispatch on the one after, then the push nodes (lesson09's program, --port P).</summary>
    public int BasePort { get; init; }

    /// <summary>How many push nodes, each a Kestrel server on its own loopback port.</summary>
    public int Nodes { get; init; } = 3;

    /// <summary>The registry TTL and heartbeat interval of every node.</summary>
    public PushNodeOptions Node { get; init; } = new();

    /// <summary>How long tokens from <see cref="PushCluster.IssueToken"/> and the auth service live.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long dispatch waits for a node to take a delivery before counting it unreachable.</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The key auth signs with and nodes verify with; null: a fresh random one.</summary>
    public byte[]? SigningKey { get; init; }

    /// <summary>The clock of token expiry and heartbeats (a manual clock in tests). Registry TTLs run
    /// on the backend's clock: the in-memory backend's own, or the Redis server's.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
