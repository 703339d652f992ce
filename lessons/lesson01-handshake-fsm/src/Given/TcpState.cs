namespace NetCourse.Lesson01;

/// <summary>
/// The eleven states of a TCP connection (RFC 9293, section 3.3.2). <see cref="Closed"/> is
/// the fictional state before a connection exists and after it is gone.
/// </summary>
public enum TcpState
{
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
}
