using static NetCourse.Lesson01.TcpState;

namespace NetCourse.Lesson01;

// The connection's two timers (RFC 9293, section 3.8.3): retransmission of our unacknowledged
// SYN or FIN, and the 2 MSL wait of TIME-WAIT. They are never needed at the same time.
public sealed partial class TcpConnection
{
    private TimeSpan _retransmissionTimeout;
    private int _retransmissions;

    private void StartRetransmissionTimer()
    {
        _retransmissionTimeout = _options.RetransmissionTimeout;
        _retransmissions = 0;
        _retransmissionTimer.Start(_retransmissionTimeout);
    }

    /// <summary>The peer acknowledged up to <paramref name="ack"/> (SND.UNA &lt; ack ≤ SND.NXT).</summary>
    private void OnAcknowledged(uint ack)
    {
        _sendUnacknowledged = ack;
        // RFC 6298, section 5.2 and 5.3: stop the timer when all is acknowledged, else restart it.
        if (_sendUnacknowledged == _sendNext) _retransmissionTimer.Stop();
        else StartRetransmissionTimer();
    }

    private void OnRetransmissionTimeout()
    {
        if (_sendUnacknowledged == _sendNext) return;
        if (_retransmissions == _options.MaxRetransmissions)
        {
            // R2 reached: the peer is unreachable, give up on the connection (section 3.8.3).
            EnterClosed();
            return;
        }
        _retransmissions++;
        Send(Unacknowledged());
        // Back off: each retransmission waits twice as long as the one before (RFC 6298, section 5.5).
        _retransmissionTimeout *= 2;
        _retransmissionTimer.Start(_retransmissionTimeout);
    }

    private void StartTimeWaitTimer() => _timeWaitTimer.Start(2 * _options.MaximumSegmentLifetime);

    private void OnTimeWaitTimeout()
    {
        if (_state == TimeWait) EnterClosed();
    }
}
