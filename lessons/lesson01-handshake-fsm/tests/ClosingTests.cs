namespace NetCourse.Lesson01.Tests;

[Task(3)]
public class ClosingTests
{
    [Test, Points(2), Hint("See Hint 3.1: the FIN takes the next sequence number (SND.NXT) and still acknowledges the peer.")]
    public void Close_in_ESTABLISHED_sends_FIN()
    {
        var m = Machine.In(TcpState.Established);
        m.Tcp.Close();
        m.TakeSingle("a close in ESTABLISHED").ShouldBe(Seg(Fin | Ack, seq: 101, ack: 301),
            "Our SYN used 100, so the FIN is sent with SEQ=101, acknowledging the peer's SYN (301).");
    }

    [Test, Hint("After sending its FIN the connection waits in FIN-WAIT-1.")]
    public void Close_in_ESTABLISHED_moves_to_FIN_WAIT_1()
    {
        var m = Machine.In(TcpState.Established);
        m.Tcp.Close();
        m.State.ShouldBe(TcpState.FinWait1);
    }

    [Test, Hint("See Hint 3.2: the FIN used 101, so the ACK of our FIN is 102.")]
    public void ACK_of_FIN_in_FIN_WAIT_1_moves_to_FIN_WAIT_2()
    {
        var m = Machine.In(TcpState.FinWait1);
        m.Receive(Seg(Ack, seq: 301, ack: 102));
        m.State.ShouldBe(TcpState.FinWait2, "ACK=102 acknowledges our FIN (SEQ=101).");
    }

    [Test, Hint("An ACK that does not cover our FIN (ACK=101) leaves FIN-WAIT-1 as it is.")]
    public void ACK_that_does_not_cover_the_FIN_leaves_FIN_WAIT_1()
    {
        var m = Machine.In(TcpState.FinWait1);
        m.Receive(Seg(Ack, seq: 301, ack: 101));
        m.State.ShouldBe(TcpState.FinWait1, "ACK=101 acknowledges only our SYN, not our FIN (SEQ=101).");
    }

    [Test, Points(2), Hint("See Hint 3.3: a FIN occupies one sequence number, so ACK = SEG.SEQ + 1.")]
    public void FIN_in_FIN_WAIT_2_is_acknowledged_with_seq_plus_one()
    {
        var m = Machine.In(TcpState.FinWait2);
        m.Receive(Seg(Fin | Ack, seq: 301, ack: 102));
        m.TakeSingle("a FIN in FIN-WAIT-2").ShouldBe(Seg(Ack, seq: 102, ack: 302), "The peer's FIN used 301: acknowledge 302.");
    }

    [Test, Points(2), Hint("See Hint 3.4: the side that closed first waits in TIME-WAIT, it does not close at once.")]
    public void FIN_in_FIN_WAIT_2_moves_to_TIME_WAIT()
    {
        var m = Machine.In(TcpState.FinWait2);
        m.Receive(Seg(Fin | Ack, seq: 301, ack: 102));
        m.State.ShouldBe(TcpState.TimeWait);
    }

    [Test, Points(2), Hint("See Hint 3.3: a FIN occupies one sequence number, so ACK = SEG.SEQ + 1.")]
    public void FIN_in_ESTABLISHED_is_acknowledged_with_seq_plus_one()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Fin | Ack, seq: 301, ack: 101));
        m.TakeSingle("a FIN in ESTABLISHED").ShouldBe(Seg(Ack, seq: 101, ack: 302), "The peer's FIN used 301: acknowledge 302.");
    }

    [Test, Hint("The peer has closed, we have not: CLOSE-WAIT waits for our application to call Close.")]
    public void FIN_in_ESTABLISHED_moves_to_CLOSE_WAIT()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Fin | Ack, seq: 301, ack: 101));
        m.State.ShouldBe(TcpState.CloseWait);
    }

    [Test, Hint("The peer's FIN used 301, so our FIN acknowledges 302.")]
    public void Close_in_CLOSE_WAIT_sends_FIN()
    {
        var m = Machine.In(TcpState.CloseWait);
        m.Tcp.Close();
        m.TakeSingle("a close in CLOSE-WAIT").ShouldBe(Seg(Fin | Ack, seq: 101, ack: 302));
    }

    [Test, Hint("Close in CLOSE-WAIT: our FIN is the last word, wait for its ACK in LAST-ACK.")]
    public void Close_in_CLOSE_WAIT_moves_to_LAST_ACK()
    {
        var m = Machine.In(TcpState.CloseWait);
        m.Tcp.Close();
        m.State.ShouldBe(TcpState.LastAck);
    }

    [Test, Hint("In LAST-ACK the ACK of our FIN ends the connection: CLOSED, no TIME-WAIT on this side.")]
    public void ACK_of_FIN_in_LAST_ACK_moves_to_CLOSED()
    {
        var m = Machine.In(TcpState.LastAck);
        m.Receive(Seg(Ack, seq: 302, ack: 102));
        m.State.ShouldBe(TcpState.Closed);
    }

    [Test, Hint("A FIN can arrive together with the ACK of our FIN: FIN-WAIT-1 then goes straight to TIME-WAIT.")]
    public void FIN_that_acknowledges_our_FIN_moves_from_FIN_WAIT_1_to_TIME_WAIT()
    {
        var m = Machine.In(TcpState.FinWait1);
        m.Receive(Seg(Fin | Ack, seq: 301, ack: 102));
        m.State.ShouldBe(TcpState.TimeWait);
    }

    [Test, Hint("Close in SYN-RECEIVED is allowed: send a FIN and move to FIN-WAIT-1.")]
    public void Close_in_SYN_RECEIVED_moves_to_FIN_WAIT_1()
    {
        var m = Machine.In(TcpState.SynReceived);
        m.Tcp.Close();
        m.State.ShouldBe(TcpState.FinWait1);
    }

    [Test, Points(2), Hint("See Hint 2.3: 0xFFFFFFFF + 1 wraps to 0 in uint arithmetic.")]
    public void FIN_with_sequence_0xFFFFFFFF_is_acknowledged_with_0()
    {
        var m = Machine.In(TcpState.Established, remoteIss: 0xFFFFFFFE);
        m.Receive(Seg(Fin | Ack, seq: 0xFFFFFFFF, ack: 101));
        m.TakeSingle("a FIN with SEQ=0xFFFFFFFF").ShouldBe(Seg(Ack, seq: 101, ack: 0), "The number after 0xFFFFFFFF is 0.");
    }

    [Test, Points(2), Hint("See Hint 1.2: our FIN used 0xFFFFFFFF, so ACK=0 acknowledges it; compare with SequenceNumber.")]
    public void ACK_0_acknowledges_a_FIN_sent_with_sequence_0xFFFFFFFF()
    {
        var m = Machine.In(TcpState.FinWait1, iss: 0xFFFFFFFE);
        m.Receive(Seg(Ack, seq: 301, ack: 0));
        m.State.ShouldBe(TcpState.FinWait2, "Our SYN used 0xFFFFFFFE and our FIN 0xFFFFFFFF: ACK=0 acknowledges the FIN.");
    }
}
