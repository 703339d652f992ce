namespace NetCourse.Lesson01.Tests;

[Task(4)]
public class UnexpectedSegmentTests
{
    [Test, Hint("See Hint 4.1: in CLOSED, a segment without ACK is answered with <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.")]
    public void SYN_in_CLOSED_is_answered_with_RST()
    {
        var m = new Machine();
        m.Receive(Seg(Syn, seq: 300));
        m.TakeSingle("a SYN in CLOSED").ShouldBe(Seg(Rst | Ack, seq: 0, ack: 301), "Nobody listens: refuse the SYN with a reset.");
    }

    [Test, Hint("See Hint 4.1: a segment with ACK is answered with <SEQ=SEG.ACK><CTL=RST>, so the sender accepts the reset.")]
    public void ACK_in_CLOSED_is_answered_with_RST_at_its_ack_number()
    {
        var m = new Machine();
        m.Receive(Seg(Ack, seq: 300, ack: 555));
        m.TakeSingle("an ACK in CLOSED").ShouldBe(Seg(Rst, seq: 555));
    }

    [Test, Hint("A reset is never answered, or two resets could bounce forever.")]
    public void RST_in_CLOSED_is_dropped_silently()
    {
        var m = new Machine();
        m.Receive(Seg(Rst, seq: 300));
        m.ShouldHaveSentNothing("a RST in CLOSED");
    }

    [Test, Hint("See Hint 4.1: nothing was sent from LISTEN, so an ACK there acknowledges nothing we know: <SEQ=SEG.ACK><CTL=RST>.")]
    public void ACK_in_LISTEN_is_answered_with_RST()
    {
        var m = Machine.In(TcpState.Listen);
        m.Receive(Seg(Ack, seq: 300, ack: 555));
        m.TakeSingle("an ACK in LISTEN").ShouldBe(Seg(Rst, seq: 555));
    }

    [Test, Hint("An unexpected segment is answered, never obeyed: stay in LISTEN.")]
    public void ACK_in_LISTEN_leaves_the_connection_in_LISTEN()
    {
        var m = Machine.In(TcpState.Listen);
        m.Receive(Seg(Ack, seq: 300, ack: 555));
        m.State.ShouldBe(TcpState.Listen);
    }

    [Test, Hint("A RST in LISTEN is ignored: nothing is sent and the connection keeps listening.")]
    public void RST_in_LISTEN_is_ignored()
    {
        var m = Machine.In(TcpState.Listen);
        m.Receive(Seg(Rst, seq: 300));
        m.State.ShouldBe(TcpState.Listen);
        m.ShouldHaveSentNothing("a RST in LISTEN");
    }

    [Test, Hint("See Hint 4.2: in SYN-SENT an ACK must satisfy ISS < SEG.ACK ≤ SND.NXT; otherwise answer <SEQ=SEG.ACK><CTL=RST>.")]
    public void SYN_ACK_with_a_wrong_ack_in_SYN_SENT_is_answered_with_RST()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Syn | Ack, seq: 300, ack: 555));
        m.TakeSingle("a SYN,ACK acknowledging 555 in SYN-SENT (our SYN was 100)").ShouldBe(Seg(Rst, seq: 555));
    }

    [Test, Hint("See Hint 4.2: a SYN,ACK that acknowledges the wrong number is an old duplicate: stay in SYN-SENT.")]
    public void SYN_ACK_with_a_wrong_ack_leaves_SYN_SENT()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Syn | Ack, seq: 300, ack: 555));
        m.State.ShouldBe(TcpState.SynSent);
    }

    [Test, Hint("See Hint 4.3: a RST that acknowledges our SYN means \"connection refused\": CLOSED.")]
    public void RST_acknowledging_our_SYN_in_SYN_SENT_moves_to_CLOSED()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Rst | Ack, seq: 0, ack: 101));
        m.State.ShouldBe(TcpState.Closed);
    }

    [Test, Hint("See Hint 4.3: in SYN-SENT check the ACK first; a RST whose ACK acknowledges something we never sent is dropped (RFC 9293, section 3.10.7.3).")]
    public void RST_acknowledging_something_never_sent_in_SYN_SENT_is_dropped()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Rst | Ack, seq: 0, ack: 555));
        m.State.ShouldBe(TcpState.SynSent, "Our SYN was 100: a reset acknowledging 555 is old or forged, and must not refuse the connection.");
        m.ShouldHaveSentNothing("a RST,ACK with a wrong ack in SYN-SENT");
    }

    [Test, Hint("See Hint 4.3: in SYN-SENT a RST is believed only when it acknowledges our SYN; one without ACK is dropped.")]
    public void RST_without_ACK_in_SYN_SENT_is_dropped()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Rst, seq: 0));
        m.State.ShouldBe(TcpState.SynSent, "A reset without ACK cannot say it answers our SYN: drop it and keep waiting.");
    }

    [Test, Hint("See Hint 4.3: a RST with SEQ = RCV.NXT ends an established connection at once.")]
    public void RST_in_ESTABLISHED_moves_to_CLOSED()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Rst, seq: 301));
        m.State.ShouldBe(TcpState.Closed);
    }

    [Test, Hint("See Hint 4.3: a RST whose SEQ is not RCV.NXT may be forged or old: drop it, stay ESTABLISHED, send nothing.")]
    public void RST_with_a_wrong_sequence_number_is_ignored()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Rst, seq: 999));
        m.State.ShouldBe(TcpState.Established);
        m.ShouldHaveSentNothing("a RST with SEQ=999 when 301 was expected");
    }

    [Test, Hint("See Hint 4.3: a connection that came from LISTEN goes back to LISTEN on a RST in SYN-RECEIVED.")]
    public void RST_in_SYN_RECEIVED_after_a_passive_open_returns_to_LISTEN()
    {
        var m = Machine.In(TcpState.SynReceived);
        m.Receive(Seg(Rst, seq: 301));
        m.State.ShouldBe(TcpState.Listen, "The connection was opened passively: a reset of the half-open connection returns to LISTEN.");
    }

    [Test, Hint("See Hint 4.3: a connection that came from an active open closes on a RST in SYN-RECEIVED.")]
    public void RST_in_SYN_RECEIVED_after_a_simultaneous_open_moves_to_CLOSED()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Syn, seq: 300));
        m.Receive(Seg(Rst, seq: 301));
        m.State.ShouldBe(TcpState.Closed, "The connection was opened actively: a reset means the connection was refused.");
    }

    [Test, Hint("See Hint 4.5: in SYN-RECEIVED after a passive open, an acceptable SYN returns the connection to LISTEN.")]
    public void SYN_in_SYN_RECEIVED_after_a_passive_open_returns_to_LISTEN()
    {
        var m = Machine.In(TcpState.SynReceived);
        m.Receive(Seg(Syn, seq: 301));
        m.State.ShouldBe(TcpState.Listen, "The connection was opened passively: a second SYN in SYN-RECEIVED sends it back to LISTEN (RFC 9293, 3.10.7.4).");
    }

    [Test, Hint("See Hint 4.5: in SYN-RECEIVED after a simultaneous open, a SYN gets a challenge ACK as in ESTABLISHED.")]
    public void SYN_in_SYN_RECEIVED_after_a_simultaneous_open_is_answered_with_a_challenge_ACK()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Syn, seq: 300));
        m.State.ShouldBe(TcpState.SynReceived, "Setting up the test: both SYNs crossed.");
        m.TakeSent();
        m.Receive(Seg(Syn, seq: 301));
        m.TakeSingle("a SYN in SYN-RECEIVED after a simultaneous open").ShouldBe(Seg(Ack, seq: 101, ack: 301));
        m.State.ShouldBe(TcpState.SynReceived, "The connection was opened actively: a SYN changes nothing, it is only challenged.");
    }

    [Test, Hint("See Hint 4.2: in SYN-RECEIVED, an ACK outside SND.UNA < SEG.ACK ≤ SND.NXT is answered with <SEQ=SEG.ACK><CTL=RST>.")]
    public void ACK_of_something_never_sent_in_SYN_RECEIVED_is_answered_with_RST()
    {
        var m = Machine.In(TcpState.SynReceived);
        m.Receive(Seg(Ack, seq: 301, ack: 555));
        m.TakeSingle("an ACK of 555 in SYN-RECEIVED (our SYN was 100)").ShouldBe(Seg(Rst, seq: 555));
        m.State.ShouldBe(TcpState.SynReceived);
    }

    [Test, Points(2), Hint("See Hint 4.4: a segment whose SEQ is not RCV.NXT is answered with <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and otherwise ignored.")]
    public void FIN_with_an_unexpected_sequence_number_is_answered_with_ACK()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Fin | Ack, seq: 999, ack: 101));
        m.TakeSingle("a FIN with SEQ=999 when 301 was expected").ShouldBe(Seg(Ack, seq: 101, ack: 301));
    }

    [Test, Points(2), Hint("See Hint 4.4: an unacceptable segment is dropped after the ACK: no state change.")]
    public void FIN_with_an_unexpected_sequence_number_does_not_close()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Fin | Ack, seq: 999, ack: 101));
        m.State.ShouldBe(TcpState.Established, "A FIN with the wrong sequence number is not the peer's FIN: stay ESTABLISHED.");
    }

    [Test, Hint("See Hint 4.5: a SYN in a synchronized state gets a \"challenge ACK\" and changes nothing.")]
    public void SYN_in_ESTABLISHED_is_answered_with_a_challenge_ACK()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Syn, seq: 301));
        m.TakeSingle("a SYN in ESTABLISHED").ShouldBe(Seg(Ack, seq: 101, ack: 301));
        m.State.ShouldBe(TcpState.Established);
    }

    [Test, Hint("See Hint 4.4: an ACK of something never sent (SEG.ACK > SND.NXT) is answered with an ACK and ignored.")]
    public void ACK_of_something_never_sent_in_FIN_WAIT_1_changes_nothing()
    {
        var m = Machine.In(TcpState.FinWait1);
        m.Receive(Seg(Ack, seq: 301, ack: 555));
        m.State.ShouldBe(TcpState.FinWait1, "ACK=555 acknowledges sequence numbers never sent: it does not acknowledge our FIN.");
    }

    [Test, Hint("A segment without ACK in a synchronized state is dropped.")]
    public void Segment_without_ACK_in_ESTABLISHED_is_dropped()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Fin, seq: 301));
        m.State.ShouldBe(TcpState.Established, "Every segment of a synchronized connection carries ACK; a bare FIN is dropped.");
    }
}
