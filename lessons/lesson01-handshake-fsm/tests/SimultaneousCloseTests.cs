namespace NetCourse.Lesson01.Tests;

[Task(3)]
public class SimultaneousCloseTests
{
    [Test, Points(2), Hint("See Hint 3.5: a FIN in FIN-WAIT-1 that does not acknowledge our FIN means both sides closed at once.")]
    public void FIN_in_FIN_WAIT_1_moves_to_CLOSING()
    {
        var m = Machine.In(TcpState.FinWait1);
        m.Receive(Seg(Fin | Ack, seq: 301, ack: 101));
        m.State.ShouldBe(TcpState.Closing, "The peer's FIN (ACK=101) does not acknowledge our FIN (SEQ=101): both FINs crossed.");
    }

    [Test, Hint("Acknowledge the peer's FIN in FIN-WAIT-1 as anywhere else: ACK = SEG.SEQ + 1, SEQ = SND.NXT.")]
    public void FIN_in_FIN_WAIT_1_is_acknowledged()
    {
        var m = Machine.In(TcpState.FinWait1);
        m.Receive(Seg(Fin | Ack, seq: 301, ack: 101));
        m.TakeSingle("a FIN in FIN-WAIT-1").ShouldBe(Seg(Ack, seq: 102, ack: 302));
    }

    [Test, Hint("In CLOSING the ACK of our FIN moves to TIME-WAIT.")]
    public void ACK_of_FIN_in_CLOSING_moves_to_TIME_WAIT()
    {
        var m = Machine.In(TcpState.Closing);
        m.Receive(Seg(Ack, seq: 302, ack: 102));
        m.State.ShouldBe(TcpState.TimeWait);
    }

    [Test, Points(3), Hint("See Hint 3.5; the wire's trace under the message shows the crossing FINs.")]
    public void Simultaneous_close_over_the_wire_passes_through_CLOSING()
    {
        var wire = new Wire();
        wire.Server.PassiveOpen();
        wire.Client.ActiveOpen();
        wire.Deliver();
        wire.Client.Close();
        wire.Server.Close();
        wire.DeliverNext(); // the client's FIN reaches the server
        wire.DeliverNext(); // the server's FIN reaches the client
        wire.Client.State.ShouldBe(TcpState.Closing, "The client got the server's FIN before the ACK of its own.");
        wire.Server.State.ShouldBe(TcpState.Closing, "The server got the client's FIN before the ACK of its own.");
    }

    [Test, Points(3), Hint("See Hint 3.5: after CLOSING both sides wait in TIME-WAIT.")]
    public void Simultaneous_close_over_the_wire_leaves_both_sides_in_TIME_WAIT()
    {
        var wire = new Wire();
        wire.Server.PassiveOpen();
        wire.Client.ActiveOpen();
        wire.Deliver();
        wire.Client.Close();
        wire.Server.Close();
        wire.Deliver();
        wire.Client.State.ShouldBe(TcpState.TimeWait);
        wire.Server.State.ShouldBe(TcpState.TimeWait);
    }
}
