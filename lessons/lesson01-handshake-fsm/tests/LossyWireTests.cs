using static NetCourse.Lesson01.Tests.Support.Wire.Side;

namespace NetCourse.Lesson01.Tests;

[Task(5)]
public class LossyWireTests
{
    private static readonly TimeSpan Rto = TcpOptions.Default.RetransmissionTimeout;

    private static Wire Connected()
    {
        var wire = new Wire();
        wire.Server.PassiveOpen();
        wire.Client.ActiveOpen();
        wire.Deliver();
        wire.Client.State.ShouldBe(TcpState.Established, "Setting up the test: the handshake over a perfect wire should establish the client.");
        wire.Server.State.ShouldBe(TcpState.Established, "Setting up the test: the handshake over a perfect wire should establish the server.");
        return wire;
    }

    [Test, Points(2), Hint("See Hint 5.5: the wire's trace under the message shows each segment and the state it led to.")]
    public void Three_way_handshake_establishes_both_sides()
    {
        var wire = new Wire();
        wire.Server.PassiveOpen();
        wire.Client.ActiveOpen();
        wire.Deliver();
        wire.Client.State.ShouldBe(TcpState.Established);
        wire.Server.State.ShouldBe(TcpState.Established);
    }

    [Test, Hint("The handshake is exactly SYN, SYN,ACK, ACK: no segment more.")]
    public void Three_way_handshake_takes_three_segments()
    {
        var wire = new Wire();
        wire.Server.PassiveOpen();
        wire.Client.ActiveOpen();
        wire.Deliver();
        wire.Sent.ShouldBe([
            (Client, Seg(Syn, seq: 100)),
            (Server, Seg(Syn | Ack, seq: 300, ack: 101)),
            (Client, Seg(Ack, seq: 101, ack: 301)),
        ]);
    }

    [Test, Points(2), Hint("See Hint 5.5: the side that closes first ends in TIME-WAIT, the other one in CLOSED.")]
    public void Four_way_close_leaves_the_closer_in_TIME_WAIT_and_the_peer_CLOSED()
    {
        var wire = Connected();
        wire.Client.Close();
        wire.Deliver();
        wire.Server.Close();
        wire.Deliver();
        wire.Client.State.ShouldBe(TcpState.TimeWait, "The client closed first: it waits in TIME-WAIT.");
        wire.Server.State.ShouldBe(TcpState.Closed, "The server closed second: the ACK of its FIN closes it.");
    }

    [Test, Hint("The close is FIN, ACK, FIN, ACK: each side's FIN is acknowledged once.")]
    public void Four_way_close_takes_four_segments()
    {
        var wire = Connected();
        wire.Sent.Clear();
        wire.Client.Close();
        wire.Deliver();
        wire.Server.Close();
        wire.Deliver();
        wire.Sent.ShouldBe([
            (Client, Seg(Fin | Ack, seq: 101, ack: 301)),
            (Server, Seg(Ack, seq: 301, ack: 102)),
            (Server, Seg(Fin | Ack, seq: 301, ack: 102)),
            (Client, Seg(Ack, seq: 102, ack: 302)),
        ]);
    }

    [Test, Hint("See Hint 3.4: after the four-way close, the closer leaves TIME-WAIT 2 MSL later.")]
    public void Closer_is_CLOSED_2_MSL_after_the_four_way_close()
    {
        var wire = Connected();
        wire.Client.Close();
        wire.Deliver();
        wire.Server.Close();
        wire.Deliver();
        wire.Advance(2 * TcpOptions.Default.MaximumSegmentLifetime);
        wire.Client.State.ShouldBe(TcpState.Closed);
    }

    [Test, Points(3), Hint("See Hint 5.1: the client's SYN was lost; its retransmission must complete the handshake.")]
    public void Lost_SYN_is_retransmitted_and_the_handshake_completes()
    {
        var wire = new Wire();
        wire.LoseNext(Client, Syn);
        wire.Server.PassiveOpen();
        wire.Client.ActiveOpen();
        wire.Deliver();
        wire.Advance(Rto);
        wire.Client.State.ShouldBe(TcpState.Established);
        wire.Server.State.ShouldBe(TcpState.Established);
    }

    [Test, Points(3), Hint("See Hint 5.1: the server's SYN,ACK was lost; one of the two sides must retransmit.")]
    public void Lost_SYN_ACK_is_recovered_and_the_handshake_completes()
    {
        var wire = new Wire();
        wire.LoseNext(Server, Syn | Ack);
        wire.Server.PassiveOpen();
        wire.Client.ActiveOpen();
        wire.Deliver();
        wire.Advance(Rto);
        wire.Client.State.ShouldBe(TcpState.Established);
        wire.Server.State.ShouldBe(TcpState.Established);
    }

    [Test, Points(3), Hint("See Hint 5.1: the client's FIN was lost; its retransmission must reach the server.")]
    public void Lost_FIN_is_retransmitted_and_the_close_completes()
    {
        var wire = Connected();
        wire.LoseNext(Client, Fin | Ack);
        wire.Client.Close();
        wire.Deliver();
        wire.Advance(Rto);
        wire.Server.State.ShouldBe(TcpState.CloseWait, "The retransmitted FIN should have reached the server.");
        wire.Client.State.ShouldBe(TcpState.FinWait2, "The server acknowledged the retransmitted FIN.");
    }

    [Test, Points(3), Hint("See Hint 3.6 and Hint 5.1: the last ACK was lost; the server retransmits its FIN and TIME-WAIT acknowledges it again.")]
    public void Lost_final_ACK_is_recovered_through_TIME_WAIT()
    {
        var wire = Connected();
        wire.Client.Close();
        wire.Deliver();
        wire.LoseNext(Client, Ack);
        wire.Server.Close();
        wire.Deliver();
        wire.Advance(Rto);
        wire.Server.State.ShouldBe(TcpState.Closed, "The server's FIN was retransmitted and acknowledged again by the client in TIME-WAIT.");
        wire.Client.State.ShouldBe(TcpState.TimeWait);
    }
}
