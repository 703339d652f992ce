namespace NetCourse.Lesson01.Tests;

[Task(2)]
public class OpeningTests
{
    [Test, Hint("Start in CLOSED: the state field's initial value.")]
    public void New_connection_is_CLOSED()
    {
        var m = new Machine();
        m.State.ShouldBe(TcpState.Closed, "A connection nobody has opened is CLOSED.");
    }

    [Test, Hint("Passive open only waits: move to LISTEN.")]
    public void Passive_open_moves_to_LISTEN()
    {
        var m = new Machine();
        m.Tcp.PassiveOpen();
        m.State.ShouldBe(TcpState.Listen, "After a passive open the connection waits for a SYN in LISTEN.");
    }

    [Test, Hint("Passive open sends nothing: the peer speaks first.")]
    public void Passive_open_sends_nothing()
    {
        var m = new Machine();
        m.Tcp.PassiveOpen();
        m.ShouldHaveSentNothing("a passive open");
    }

    [Test, Hint("See Hint 2.1: the SYN carries the ISS and no ACK.")]
    public void Active_open_sends_SYN_with_the_initial_sequence_number()
    {
        var m = new Machine();
        m.Tcp.ActiveOpen();
        m.TakeSingle("an active open").ShouldBe(Seg(Syn, seq: 100), "An active open sends <SEQ=ISS><CTL=SYN>, and the ISS is 100.");
    }

    [Test, Hint("After sending its SYN the connection is in SYN-SENT.")]
    public void Active_open_moves_to_SYN_SENT()
    {
        var m = new Machine();
        m.Tcp.ActiveOpen();
        m.State.ShouldBe(TcpState.SynSent);
    }

    [Test, Hint("A LISTEN connection may still open actively (RFC 9293, 3.10.1): send a SYN, move to SYN-SENT.")]
    public void Active_open_in_LISTEN_sends_SYN_and_moves_to_SYN_SENT()
    {
        var m = Machine.In(TcpState.Listen);
        m.Tcp.ActiveOpen();
        m.TakeSingle("an active open in LISTEN").ShouldBe(Seg(Syn, seq: 100));
        m.State.ShouldBe(TcpState.SynSent);
    }

    [Test, Points(2), Hint("See Hint 2.2: SYN occupies one sequence number, so ACK = SEG.SEQ + 1.")]
    public void SYN_in_LISTEN_is_answered_with_SYN_ACK_acknowledging_seq_plus_one()
    {
        var m = Machine.In(TcpState.Listen);
        m.Receive(Seg(Syn, seq: 300));
        m.TakeSingle("a SYN in LISTEN").ShouldBe(Seg(Syn | Ack, seq: 100, ack: 301),
            "A SYN with SEQ=300 is answered with our SYN (SEQ=ISS=100) acknowledging 301: the SYN occupies one sequence number.");
    }

    [Test, Hint("After answering the SYN the connection is in SYN-RECEIVED.")]
    public void SYN_in_LISTEN_moves_to_SYN_RECEIVED()
    {
        var m = Machine.In(TcpState.Listen);
        m.Receive(Seg(Syn, seq: 300));
        m.State.ShouldBe(TcpState.SynReceived);
    }

    [Test, Points(2), Hint("See Hint 2.2: acknowledge the peer's SYN with SEG.SEQ + 1; our own SEQ is now ISS + 1.")]
    public void SYN_ACK_in_SYN_SENT_is_answered_with_ACK()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Syn | Ack, seq: 300, ack: 101));
        m.TakeSingle("a SYN,ACK in SYN-SENT").ShouldBe(Seg(Ack, seq: 101, ack: 301),
            "The third segment of the handshake is <SEQ=101><ACK=301><CTL=ACK>: our SYN used 100, theirs used 300.");
    }

    [Test, Hint("A SYN,ACK that acknowledges our SYN completes the handshake on our side.")]
    public void SYN_ACK_in_SYN_SENT_moves_to_ESTABLISHED()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Syn | Ack, seq: 300, ack: 101));
        m.State.ShouldBe(TcpState.Established);
    }

    [Test, Hint("In SYN-RECEIVED, an ACK of our SYN (ACK = ISS + 1) moves to ESTABLISHED.")]
    public void ACK_of_SYN_in_SYN_RECEIVED_moves_to_ESTABLISHED()
    {
        var m = Machine.In(TcpState.SynReceived);
        m.Receive(Seg(Ack, seq: 301, ack: 101));
        m.State.ShouldBe(TcpState.Established);
    }

    [Test, Hint("An ACK is not answered: answering ACKs with ACKs never ends.")]
    public void ACK_of_SYN_in_SYN_RECEIVED_is_not_answered()
    {
        var m = Machine.In(TcpState.SynReceived);
        m.Receive(Seg(Ack, seq: 301, ack: 101));
        m.ShouldHaveSentNothing("the ACK that completes the handshake");
    }

    [Test, Hint("Close in LISTEN just stops listening: back to CLOSED, nothing sent.")]
    public void Close_in_LISTEN_moves_to_CLOSED()
    {
        var m = Machine.In(TcpState.Listen);
        m.Tcp.Close();
        m.State.ShouldBe(TcpState.Closed);
    }

    [Test, Hint("Close in SYN-SENT abandons the attempt: CLOSED, nothing sent, and no SYN retransmitted later.")]
    public void Close_in_SYN_SENT_moves_to_CLOSED_and_stops_retransmitting()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Tcp.Close();
        m.Advance(TimeSpan.FromMinutes(1));
        m.State.ShouldBe(TcpState.Closed);
        m.ShouldHaveSentNothing("a close in SYN-SENT and a minute of waiting");
    }

    [Test, Points(2), Hint("See Hint 1.2 and Hint 2.3: with ISS 0xFFFFFFFF our SYN is acknowledged with 0; compare with SequenceNumber, not with <.")]
    public void SYN_ACK_acknowledging_0_completes_the_handshake_of_ISS_0xFFFFFFFF()
    {
        var m = Machine.In(TcpState.SynSent, iss: 0xFFFFFFFF);
        m.Receive(Seg(Syn | Ack, seq: 300, ack: 0));
        m.State.ShouldBe(TcpState.Established, "0xFFFFFFFF + 1 is 0 in sequence space: ACK=0 acknowledges a SYN sent with SEQ=0xFFFFFFFF.");
    }

    [Test, Points(2), Hint("See Hint 2.3: uint arithmetic wraps by itself (unchecked): 0xFFFFFFFF + 1 == 0.")]
    public void SYN_with_sequence_0xFFFFFFFF_is_acknowledged_with_0()
    {
        var m = Machine.In(TcpState.Listen);
        m.Receive(Seg(Syn, seq: 0xFFFFFFFF));
        m.TakeSingle("a SYN with SEQ=0xFFFFFFFF in LISTEN").ShouldBe(Seg(Syn | Ack, seq: 100, ack: 0),
            "The next sequence number after 0xFFFFFFFF is 0.");
    }

    [Test, Hint("After ESTABLISHED, with nothing outstanding, the connection sends nothing on its own.")]
    public void Established_connection_sends_nothing_while_idle()
    {
        var m = Machine.In(TcpState.Established);
        m.Advance(TimeSpan.FromMinutes(10));
        m.ShouldHaveSentNothing("ten idle minutes in ESTABLISHED");
    }
}
