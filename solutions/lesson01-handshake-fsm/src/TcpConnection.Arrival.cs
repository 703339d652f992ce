using static NetCourse.Lesson01.SequenceNumber;
using static NetCourse.Lesson01.TcpState;

namespace NetCourse.Lesson01;

// SEGMENT ARRIVES (RFC 9293, section 3.10.7), one method per group of states, each following the
// RFC's checks in the RFC's order.
public sealed partial class TcpConnection
{
    /// <summary>A segment from the peer arrives.</summary>
    public void Receive(Segment segment)
    {
        lock (_gate)
        {
            switch (_state)
            {
                case Closed: ArriveWhenClosed(segment); break;
                case Listen: ArriveInListen(segment); break;
                case SynSent: ArriveInSynSent(segment); break;
                default: ArriveWhenSynchronized(segment); break;
            }
        }
    }

    /// <summary>Section 3.10.7.1: there is no connection, so anything but a reset is answered with one.</summary>
    private void ArriveWhenClosed(Segment segment)
    {
        if (segment.Has(TcpFlags.Rst)) return;
        Send(ResetFor(segment));
    }

    /// <summary>Section 3.10.7.2: only a SYN can start a connection here.</summary>
    private void ArriveInListen(Segment segment)
    {
        if (segment.Has(TcpFlags.Rst)) return;
        if (segment.Has(TcpFlags.Ack))
        {
            // Nothing has been sent from LISTEN, so any ACK acknowledges something unknown.
            Send(ResetFor(segment));
            return;
        }
        if (!segment.Has(TcpFlags.Syn)) return;

        _receiveNext = segment.Seq + 1; // the peer's SYN occupies one sequence number
        _peerSynReceived = true;
        _sendUnacknowledged = _iss;
        _sendNext = _iss;
        SendNew(TcpFlags.Syn); // carries ACK now: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>
        _state = SynReceived;
    }

    /// <summary>Section 3.10.7.3: we sent a SYN and wait for the peer's.</summary>
    private void ArriveInSynSent(Segment segment)
    {
        // First, the ACK: it may only acknowledge our SYN (ISS < SEG.ACK ≤ SND.NXT).
        var hasAck = segment.Has(TcpFlags.Ack);
        if (hasAck && !(IsBefore(_iss, segment.Ack) && IsBeforeOrEqual(segment.Ack, _sendNext)))
        {
            if (!segment.Has(TcpFlags.Rst)) Send(ResetFor(segment));
            return;
        }

        // Second, a reset: believed only when it acknowledges our SYN ("connection refused").
        if (segment.Has(TcpFlags.Rst))
        {
            if (hasAck) EnterClosed();
            return;
        }

        if (!segment.Has(TcpFlags.Syn)) return;

        _receiveNext = segment.Seq + 1; // the peer's SYN occupies one sequence number
        _peerSynReceived = true;
        if (hasAck)
        {
            OnAcknowledged(segment.Ack);
            _state = Established;
            SendAck();
        }
        else
        {
            // Simultaneous open (section 3.5, figure 7): both SYNs crossed. Acknowledge theirs and
            // repeat ours: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>.
            _state = SynReceived;
            Send(Unacknowledged());
        }
    }

    /// <summary>Section 3.10.7.4: SYN-RECEIVED and every later state.</summary>
    private void ArriveWhenSynchronized(Segment segment)
    {
        // In TIME-WAIT the only thing that can arrive is a retransmission of the peer's FIN: our
        // last ACK was lost. Acknowledge it again and restart the 2 MSL wait.
        if (_state == TimeWait && segment.Has(TcpFlags.Fin) && !segment.Has(TcpFlags.Rst) && segment.Seq + 1 == _receiveNext)
        {
            SendAck();
            StartTimeWaitTimer();
            return;
        }

        // First, the sequence number. These segments carry no data, so the receive window is one
        // number wide: a segment is acceptable exactly when it starts at RCV.NXT. An old duplicate
        // or a segment from the future is answered with an ACK that tells the peer where we are,
        // unless it is a reset (a reset is never answered).
        if (segment.Seq != _receiveNext)
        {
            if (!segment.Has(TcpFlags.Rst)) SendAck();
            return;
        }

        // Second, a reset (with an exact sequence number, as RFC 5961 asks).
        if (segment.Has(TcpFlags.Rst))
        {
            if (_state == SynReceived && _openedPassively) ReturnToListen();
            else EnterClosed();
            return;
        }

        // Fourth, a SYN in a synchronized connection: answer with a "challenge ACK" and change
        // nothing, so that a forged SYN cannot tear the connection down (RFC 5961, section 4).
        if (segment.Has(TcpFlags.Syn))
        {
            if (_state == SynReceived && _openedPassively) ReturnToListen();
            else SendAck();
            return;
        }

        // Fifth, the ACK. Every segment of a synchronized connection carries one.
        if (!segment.Has(TcpFlags.Ack)) return;
        if (!ArriveAck(segment)) return;

        // Eighth, the FIN.
        if (segment.Has(TcpFlags.Fin)) ArriveFin(segment);
    }

    /// <summary>The fifth check; false when the segment must not be processed further.</summary>
    private bool ArriveAck(Segment segment)
    {
        var acksSomethingNew = IsBefore(_sendUnacknowledged, segment.Ack);
        var acksOnlyWhatWasSent = IsBeforeOrEqual(segment.Ack, _sendNext);

        if (_state == SynReceived)
        {
            if (!(acksSomethingNew && acksOnlyWhatWasSent))
            {
                Send(ResetFor(segment));
                return false;
            }
            _state = Established;
        }

        if (!acksOnlyWhatWasSent)
        {
            // It acknowledges something we never sent: tell the peer where we are and drop it.
            SendAck();
            return false;
        }
        if (acksSomethingNew) OnAcknowledged(segment.Ack);

        var ourFinAcknowledged = _finSent && _sendUnacknowledged == _sendNext;
        switch (_state)
        {
            case FinWait1 when ourFinAcknowledged:
                _state = FinWait2;
                break;
            case Closing:
                if (ourFinAcknowledged) EnterTimeWait();
                return false;
            case LastAck:
                if (ourFinAcknowledged) EnterClosed();
                return false;
        }
        return true;
    }

    /// <summary>The eighth check: the peer has nothing more to send.</summary>
    private void ArriveFin(Segment segment)
    {
        // Only states that have not seen the peer's FIN yet; in the others it cannot be new.
        if (_state is not (Established or FinWait1 or FinWait2)) return;

        _receiveNext = segment.Seq + 1; // the FIN occupies one sequence number
        SendAck();
        switch (_state)
        {
            case Established:
                _state = CloseWait;
                break;
            case FinWait1:
                // Simultaneous close (section 3.6, figure 13): both FINs crossed, ours is still unacknowledged.
                _state = Closing;
                break;
            case FinWait2:
                EnterTimeWait();
                break;
        }
    }

    private void ReturnToListen()
    {
        ResetControlBlock();
        _state = Listen;
    }

    /// <summary>
    /// The reset that answers a segment that belongs to no connection we know (section 3.10.7.1):
    /// it takes its sequence number from the segment's ACK, so the peer accepts it.
    /// </summary>
    private static Segment ResetFor(Segment segment) =>
        segment.Has(TcpFlags.Ack)
            ? new Segment(segment.Ack, 0, TcpFlags.Rst)
            : new Segment(0, segment.Seq + segment.Length, TcpFlags.Rst | TcpFlags.Ack);
}
