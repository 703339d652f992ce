namespace NetCourse.Lesson01.Tests;

/// <summary>
/// Segments that must be dropped, or answered and then dropped, in LISTEN, SYN-SENT and
/// ESTABLISHED: each one is a case where carrying on after the answer changes the state.
/// </summary>
[Task(4)]
public class DroppedSegmentTests
{
    [Test, Hint("See Hint 4.1: in LISTEN a RST is ignored, even one that carries ACK; a reset is never answered.")]
    public void RST_with_ACK_in_LISTEN_is_not_answered()
    {
        var m = Machine.In(TcpState.Listen);
        m.Receive(Seg(Rst | Ack, seq: 300, ack: 555));
        m.ShouldHaveSentNothing("a RST,ACK in LISTEN");
    }

    [Test, Hint("See Hint 4.1: an ACK in LISTEN is answered with <SEQ=SEG.ACK><CTL=RST> and the segment dropped, even when it also carries SYN.")]
    public void SYN_with_an_ACK_in_LISTEN_is_answered_with_RST_only()
    {
        var m = Machine.In(TcpState.Listen);
        m.Receive(Seg(Syn | Ack, seq: 300, ack: 555));
        m.TakeSingle("a SYN,ACK in LISTEN (nothing was sent from LISTEN)").ShouldBe(Seg(Rst, seq: 555));
    }

    [Test, Hint("See Hint 4.1: in LISTEN, drop anything that is not a SYN (and carries no ACK or RST).")]
    public void FIN_in_LISTEN_is_dropped()
    {
        var m = Machine.In(TcpState.Listen);
        m.Receive(Seg(Fin, seq: 300));
        m.ShouldHaveSentNothing("a bare FIN in LISTEN");
    }

    [Test, Hint("See rule 4 and Hint 4.3: in SYN-SENT a RST without an ACK of our SYN is dropped, even when it carries SYN.")]
    public void RST_with_SYN_and_no_ACK_in_SYN_SENT_is_dropped()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Rst | Syn, seq: 300));
        m.ShouldHaveSentNothing("a RST,SYN without ACK in SYN-SENT");
    }

    [Test, Hint("See rule 3: a RST is never answered, also when it closes the connection.")]
    public void RST_with_ACK_in_ESTABLISHED_is_not_answered()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Rst | Ack, seq: 301, ack: 101));
        m.ShouldHaveSentNothing("an acceptable RST,ACK in ESTABLISHED");
    }

    [Test, Hint("See Hint 4.4: an ACK of something never sent (SEG.ACK > SND.NXT) is answered with <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>.")]
    public void ACK_of_something_never_sent_in_ESTABLISHED_is_answered_with_ACK()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Ack, seq: 301, ack: 555));
        m.TakeSingle("an ACK of 555 in ESTABLISHED (our SND.NXT is 101)").ShouldBe(Seg(Ack, seq: 101, ack: 301));
    }

    [Test, Hint("See Hint 4.3 and Hint 5.3: back in LISTEN nothing is outstanding, so the SYN,ACK of the reset connection is not retransmitted.")]
    public void Return_to_LISTEN_stops_retransmitting_the_SYN_ACK()
    {
        var m = Machine.In(TcpState.SynReceived);
        m.Receive(Seg(Rst, seq: 301));
        m.Advance(TimeSpan.FromMinutes(5));
        m.ShouldHaveSentNothing("a RST in SYN-RECEIVED (passive open) and five minutes of waiting");
    }

    [Test, Hint("See Hint 4.5: a SYN in ESTABLISHED gets a challenge ACK, also when the connection came from LISTEN; only in SYN-RECEIVED does a passive open matter.")]
    public void SYN_in_ESTABLISHED_after_a_passive_open_is_answered_with_a_challenge_ACK()
    {
        var m = Machine.In(TcpState.SynReceived);
        m.Receive(Seg(Ack, seq: 301, ack: 101));
        m.State.ShouldBe(TcpState.Established, "Setting up the test: the ACK of our SYN,ACK completes the passive open.");
        m.TakeSent();
        m.Receive(Seg(Syn, seq: 301));
        m.TakeSingle("a SYN in ESTABLISHED after a passive open").ShouldBe(Seg(Ack, seq: 101, ack: 301));
    }

    [Test, Hint("See Hint 4.5: in SYN-RECEIVED after a passive open, an acceptable SYN sends the connection back to LISTEN, as a RST does.")]
    public void SYN_in_SYN_RECEIVED_after_a_passive_open_returns_to_LISTEN()
    {
        var m = Machine.In(TcpState.SynReceived);
        m.TakeSent();
        m.Receive(Seg(Syn, seq: 301));
        m.State.ShouldBe(TcpState.Listen, "RFC 9293 (section 3.10.7.4): a SYN in SYN-RECEIVED of a passive open returns the connection to LISTEN.");
    }

    [Test, Hint("See Hint 4.5: the challenge ACK changes nothing, even when the SYN also carries a FIN.")]
    public void SYN_with_FIN_in_ESTABLISHED_does_not_close()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Syn | Fin | Ack, seq: 301, ack: 101));
        m.State.ShouldBe(TcpState.Established, "A SYN in ESTABLISHED is answered with a challenge ACK and the whole segment dropped, its FIN too.");
    }

    [Test, Hint("See Hint 4.4: a segment whose ACK acknowledges something never sent is dropped after the ACK, its FIN too.")]
    public void FIN_with_an_ACK_of_something_never_sent_does_not_close()
    {
        var m = Machine.In(TcpState.Established);
        m.Receive(Seg(Fin | Ack, seq: 301, ack: 555));
        m.State.ShouldBe(TcpState.Established, "ACK=555 acknowledges sequence numbers never sent: the segment is dropped, so its FIN does not count.");
    }

    [Test, Hint("See Hint 4.2: in SYN-SENT only the peer's SYN synchronizes the connection; a segment with neither SYN nor RST is dropped, even with a good ACK.")]
    public void ACK_without_SYN_in_SYN_SENT_is_dropped()
    {
        var m = Machine.In(TcpState.SynSent);
        m.Receive(Seg(Ack, seq: 300, ack: 101));
        m.State.ShouldBe(TcpState.SynSent, "An ACK of our SYN without the peer's SYN does not establish the connection.");
        m.ShouldHaveSentNothing("a bare ACK of our SYN in SYN-SENT");
    }
}
