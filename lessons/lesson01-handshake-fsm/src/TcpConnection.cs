namespace NetCourse.Lesson01;

/// <summary>
/// One end of a TCP connection, reduced to its state machine (RFC 9293, section 3.3.2): the
/// user calls OPEN and CLOSE, segments arrive through <see cref="Receive"/>, and every segment
/// the connection emits goes to the <c>send</c> delegate. Timers (retransmission, TIME-WAIT)
/// run on the given <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// User calls, arriving segments and timer expiries may come from different threads (a real
/// <see cref="TimeProvider"/> fires on the thread pool): serialize them with one lock. Call
/// <c>send</c> in the order the segments are emitted; it hands the segment on and returns.
/// </remarks>
public sealed class TcpConnection : IDisposable
{
    // Given: the connection's collaborators. Add the rest of the transmission control block
    // (RFC 9293, section 3.3.1) yourself: the state, SND.UNA, SND.NXT, RCV.NXT, the timers...
    private readonly uint _iss;
    private readonly Action<Segment> _send;
    private readonly TimeProvider _time;
    private readonly TcpOptions _options;

    /// <param name="initialSequenceNumber">ISS, the sequence number of our SYN.</param>
    /// <param name="send">Where the segments this connection emits go.</param>
    /// <param name="time">The clock for the retransmission and TIME-WAIT timers.</param>
    /// <param name="options">Timing constants; <see cref="TcpOptions.Default"/> when null.</param>
    public TcpConnection(uint initialSequenceNumber, Action<Segment> send, TimeProvider time, TcpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(time);
        _iss = initialSequenceNumber;
        _send = send;
        _time = time;
        _options = options ?? TcpOptions.Default;
    }

    public TcpState State =>
        throw new NotImplementedException("Task 2: return the connection's state; a new connection is CLOSED.");

    /// <summary>OPEN, passive: wait for a peer's SYN (RFC 9293, section 3.10.1).</summary>
    public void PassiveOpen() =>
        throw new NotImplementedException("Task 2: in CLOSED, move to LISTEN and send nothing; anywhere else, throw InvalidOperationException.");

    /// <summary>OPEN, active: send our SYN (RFC 9293, section 3.10.1).</summary>
    public void ActiveOpen() =>
        throw new NotImplementedException("Task 2: in CLOSED or LISTEN, send <SEQ=ISS><CTL=SYN> and move to SYN-SENT; anywhere else, throw InvalidOperationException.");

    /// <summary>CLOSE: we have nothing more to send (RFC 9293, section 3.10.4).</summary>
    public void Close() =>
        throw new NotImplementedException("Task 3: in ESTABLISHED send a FIN and move to FIN-WAIT-1, in CLOSE-WAIT to LAST-ACK; see the README's table for the other states.");

    /// <summary>A segment from the peer arrives (RFC 9293, section 3.10.7).</summary>
    public void Receive(Segment segment) =>
        throw new NotImplementedException("Task 2: on SYN in LISTEN, answer <SEQ=ISS><ACK=SEG.SEQ+1><CTL=SYN,ACK> and move to SYN-RECEIVED; then follow the README's tables.");

    /// <summary>Stops the timers, so that nothing fires after the owner has let the connection go.</summary>
    public void Dispose() =>
        throw new NotImplementedException("Task 5: stop the retransmission and TIME-WAIT timers, so that nothing fires afterwards.");
}
