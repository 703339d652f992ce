namespace NetCourse.Lesson01;

/// <summary>The timing constants of a connection. Tests shorten them; the defaults are the RFCs'.</summary>
public sealed record TcpOptions
{
    public static TcpOptions Default { get; } = new();

    /// <summary>
    /// MSL, the longest a segment can live in the network. TIME-WAIT lasts twice as long, so
    /// that every duplicate of the old connection has died before its port pair is reused
    /// (RFC 9293, section 3.4.2, which takes MSL to be 2 minutes).
    /// </summary>
    public TimeSpan MaximumSegmentLifetime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long an unacknowledged SYN or FIN waits before it is sent again; the wait doubles
    /// after each retransmission (RFC 6298, sections 2.1 and 5.5: the initial RTO is 1 second).
    /// </summary>
    public TimeSpan RetransmissionTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a SYN or FIN is sent again before the connection gives up and closes.</summary>
    public int MaxRetransmissions { get; init; } = 5;
}
