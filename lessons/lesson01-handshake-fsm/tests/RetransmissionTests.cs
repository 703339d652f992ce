namespace NetCourse.Lesson01.Tests;

[Task(5)]
public class RetransmissionTests
{
    private static readonly TimeSpan Rto = TcpOptions.Default.RetransmissionTimeout;
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Test, Hint("Wait the whole retransmission timeout before sending the SYN again.")]
    public void SYN_is_not_retransmitted_before_the_timeout()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Advance(Rto - Tick);
        m.ShouldHaveSentNothing("one tick less than the retransmission timeout");
    }

    [Test, Points(2), Hint("See Hint 5.1: start a timer when the SYN goes out; when it fires, send the same SYN again.")]
    public void Unanswered_SYN_is_retransmitted_after_the_timeout()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Advance(Rto);
        m.TakeSingle("the retransmission timeout in SYN-SENT").ShouldBe(Seg(Syn, seq: 100), "The SYN is sent again, with the same sequence number.");
    }

    [Test, Points(2), Hint("See Hint 5.2: double the timeout after each retransmission (1 s, then 2 s, then 4 s...).")]
    public void Retransmission_timeout_doubles_after_each_retransmission()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Advance(Rto);
        m.TakeSent();
        m.Advance(2 * Rto - Tick);
        m.ShouldHaveSentNothing("the first retransmission and then less than twice the timeout");
        m.Advance(Tick);
        m.TakeSingle("the first retransmission and then twice the timeout").ShouldBe(Seg(Syn, seq: 100));
    }

    [Test, Hint("See Hint 5.1: in SYN-RECEIVED our SYN,ACK is unacknowledged too: send it again on timeout.")]
    public void Unanswered_SYN_ACK_is_retransmitted_after_the_timeout()
    {
        var m = Machine.In(TcpState.SynReceived);
        m.Advance(Rto);
        m.TakeSingle("the retransmission timeout in SYN-RECEIVED").ShouldBe(Seg(Syn | Ack, seq: 100, ack: 301));
    }

    [Test, Points(2), Hint("See Hint 5.1: a FIN is retransmitted like a SYN until it is acknowledged.")]
    public void Unanswered_FIN_is_retransmitted_after_the_timeout()
    {
        var m = Machine.In(TcpState.FinWait1);
        m.Advance(Rto);
        m.TakeSingle("the retransmission timeout in FIN-WAIT-1").ShouldBe(Seg(Fin | Ack, seq: 101, ack: 301));
    }

    [Test, Hint("See Hint 5.1: in LAST-ACK our FIN is unacknowledged: send it again on timeout.")]
    public void Unanswered_FIN_in_LAST_ACK_is_retransmitted_after_the_timeout()
    {
        var m = Machine.In(TcpState.LastAck);
        m.Advance(Rto);
        m.TakeSingle("the retransmission timeout in LAST-ACK").ShouldBe(Seg(Fin | Ack, seq: 101, ack: 302));
    }

    [Test, Hint("See Hint 5.3: once everything sent is acknowledged, stop the retransmission timer.")]
    public void Acknowledged_SYN_is_not_retransmitted()
    {
        var m = Machine.In(TcpState.Established);
        m.Advance(TimeSpan.FromMinutes(1));
        m.ShouldHaveSentNothing("a minute in ESTABLISHED after the handshake");
    }

    [Test, Hint("See Hint 5.3: once the FIN is acknowledged, stop the retransmission timer.")]
    public void Acknowledged_FIN_is_not_retransmitted()
    {
        var m = Machine.In(TcpState.FinWait2);
        m.Advance(TimeSpan.FromMinutes(1));
        m.ShouldHaveSentNothing("a minute in FIN-WAIT-2");
    }

    [Test, Points(2), Hint("See Hint 5.4: after MaxRetransmissions retransmissions, when the timer fires once more, give up: CLOSED.")]
    public void Connection_gives_up_and_closes_after_the_last_retransmission()
    {
        var options = new TcpOptions { RetransmissionTimeout = TimeSpan.FromSeconds(1), MaxRetransmissions = 2 };
        var m = Machine.In(TcpState.SynSent, options: options);
        m.Advance(TimeSpan.FromSeconds(1 + 2 + 4));
        m.TakeSent().Count.ShouldBe(2, "With MaxRetransmissions = 2 the SYN is sent again exactly twice (at 1 s and 3 s).");
        m.State.ShouldBe(TcpState.Closed, "The timer fired a third time (at 7 s): the peer is unreachable, the connection gives up.");
    }

    [Test, Hint("See Hint 5.6: Dispose stops the timers, so nothing is sent afterwards.")]
    public void Disposed_connection_retransmits_nothing()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Tcp.Dispose();
        m.Advance(TimeSpan.FromMinutes(1));
        m.ShouldHaveSentNothing("Dispose in SYN-SENT and a minute of waiting");
    }
}
