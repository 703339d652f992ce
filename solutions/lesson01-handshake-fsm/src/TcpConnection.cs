using static NetCourse.Lesson01.TcpState;

namespace NetCourse.Lesson01;

/// <summary>
/// One end of a TCP connection, reduced to its state machine (RFC 9293, section 3.3.2): the
/// user calls OPEN and CLOSE, segments arrive through <see cref="Receive"/>, and every segment
/// the connection emits goes to the <c>send</c> delegate. Timers (retransmission, TIME-WAIT)
/// run on the given <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// The connection is safe to use from several threads: user calls, arriving segments and timer
/// expiries are serialized by one lock. <c>send</c> is called under that lock, in the order the
/// segments are emitted; it must hand the segment on (to a queue, a wire) and return, never call
/// back into this connection.
/// </remarks>
public sealed partial class TcpConnection : IDisposable
{
    private readonly Lock _gate = new();
    private readonly uint _iss;
    private readonly Action<Segment> _send;
    private readonly TcpOptions _options;
    private readonly ConnectionTimer _retransmissionTimer;
    private readonly ConnectionTimer _timeWaitTimer;

    // The transmission control block (RFC 9293, section 3.3.1), reduced to what a connection
    // without data needs. Our SYN occupies ISS and our FIN the number after it.
    private TcpState _state = Closed;
    private uint _sendUnacknowledged;   // SND.UNA: the oldest of our sequence numbers not yet acknowledged
    private uint _sendNext;             // SND.NXT: the next sequence number we will use
    private uint _receiveNext;          // RCV.NXT: the next sequence number we expect from the peer
    private bool _peerSynReceived;      // from then on, every segment we send carries ACK
    private bool _finSent;
    private bool _openedPassively;      // an RST in SYN-RECEIVED returns to LISTEN (section 3.10.7.4)

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
        _options = options ?? TcpOptions.Default;
        _retransmissionTimer = new ConnectionTimer(time, _gate, OnRetransmissionTimeout);
        _timeWaitTimer = new ConnectionTimer(time, _gate, OnTimeWaitTimeout);
    }

    public TcpState State
    {
        get { lock (_gate) return _state; }
    }

    /// <summary>OPEN, passive: wait for a peer's SYN (RFC 9293, section 3.10.1).</summary>
    public void PassiveOpen()
    {
        lock (_gate)
        {
            if (_state != Closed) throw Rejected("passive open", "connection already exists");
            ResetControlBlock();
            _openedPassively = true;
            _state = Listen;
        }
    }

    /// <summary>
    /// OPEN, active: send our SYN. Allowed in CLOSED and, turning a passive open into an active
    /// one, in LISTEN (RFC 9293, section 3.10.1).
    /// </summary>
    public void ActiveOpen()
    {
        lock (_gate)
        {
            if (_state is not (Closed or Listen)) throw Rejected("active open", "connection already exists");
            ResetControlBlock();
            _openedPassively = false;
            _sendUnacknowledged = _iss;
            _sendNext = _iss;
            SendNew(TcpFlags.Syn);
            _state = SynSent;
        }
    }

    /// <summary>CLOSE: we have nothing more to send (RFC 9293, section 3.10.4).</summary>
    public void Close()
    {
        lock (_gate)
        {
            switch (_state)
            {
                case Closed:
                    throw Rejected("close", "connection does not exist");
                case Listen or SynSent:
                    // No peer has been synchronized with us yet: there is nobody to say goodbye to.
                    EnterClosed();
                    break;
                case SynReceived or Established:
                    SendNew(TcpFlags.Fin);
                    _state = FinWait1;
                    break;
                case CloseWait:
                    // The peer has closed already; our FIN is the last word, and its ACK ends the connection.
                    SendNew(TcpFlags.Fin);
                    _state = LastAck;
                    break;
                default:
                    throw Rejected("close", "connection closing");
            }
        }
    }

    /// <summary>Stops the timers, so that nothing fires after the owner has let the connection go.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _retransmissionTimer.Dispose();
            _timeWaitTimer.Dispose();
        }
    }

    // A user call that the RFC answers with an error leaves the connection as it was.
    private InvalidOperationException Rejected(string call, string rfcError) =>
        new($"Cannot {call} a connection in state {_state}: \"error: {rfcError}\" (RFC 9293, section 3.10).");

    private void ResetControlBlock()
    {
        _retransmissionTimer.Stop();
        _timeWaitTimer.Stop();
        _sendUnacknowledged = _sendNext = _receiveNext = 0;
        _peerSynReceived = false;
        _finSent = false;
    }

    private void EnterClosed()
    {
        ResetControlBlock();
        _state = Closed;
    }

    private void EnterTimeWait()
    {
        // Nothing of ours is outstanding any more; only the 2 MSL timer runs (section 3.10.7.4, eighth).
        _retransmissionTimer.Stop();
        _state = TimeWait;
        StartTimeWaitTimer();
    }

    /// <summary>Sends a new SYN or FIN, which takes the next sequence number, and arms the retransmission timer.</summary>
    private void SendNew(TcpFlags control)
    {
        if (control == TcpFlags.Fin) _finSent = true;
        Send(Outgoing(_sendNext, control));
        _sendNext++;
        if (!_retransmissionTimer.IsRunning) StartRetransmissionTimer();
    }

    /// <summary>&lt;SEQ=SND.NXT&gt;&lt;ACK=RCV.NXT&gt;&lt;CTL=ACK&gt;: tells the peer what we expect next.</summary>
    private void SendAck() => Send(Outgoing(_sendNext, TcpFlags.None));

    /// <summary>
    /// Everything from SND.UNA to SND.NXT, again: our SYN if it is unacknowledged, our FIN if it
    /// is (section 3.8.1 retransmits from the oldest unacknowledged sequence number).
    /// </summary>
    private Segment Unacknowledged()
    {
        var control = TcpFlags.None;
        if (_sendUnacknowledged == _iss && _sendNext != _iss) control |= TcpFlags.Syn;
        if (_finSent) control |= TcpFlags.Fin;
        return Outgoing(_sendUnacknowledged, control);
    }

    // Once the peer's SYN has arrived, every segment acknowledges what we have received
    // (section 3.10.7: "ACK bit ... is always sent once a connection is established").
    private Segment Outgoing(uint seq, TcpFlags control) =>
        _peerSynReceived ? new Segment(seq, _receiveNext, control | TcpFlags.Ack) : new Segment(seq, 0, control);

    private void Send(Segment segment) => _send(segment);
}
