namespace NetCourse.Lesson07;

/// <summary>The limits of a <see cref="ConnectionPool{TConnection}"/>.</summary>
public sealed record ConnectionPoolOptions
{
    /// <summary>At most this many connections exist at once: lent, idle or being dialed.</summary>
    public int MaxConnections { get; init; } = 8;

    /// <summary>A connection idle for this long or longer is closed instead of lent again.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(90);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1, nameof(MaxConnections));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleTimeout, TimeSpan.Zero, nameof(IdleTimeout));
    }
}
