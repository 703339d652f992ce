namespace NetCourse.Lesson01.Tests;

[Task(3)]
public class TimeWaitTests
{
    private static readonly TimeSpan TwoMsl = 2 * TcpOptions.Default.MaximumSegmentLifetime;
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Test, Points(2), Hint("See Hint 3.4: TIME-WAIT lasts 2 MSL (4 minutes with the default MSL), not one MSL and not zero.")]
    public void TIME_WAIT_still_holds_one_tick_before_2_MSL()
    {
        var m = Machine.In(TcpState.TimeWait);
        m.Advance(TwoMsl - Tick);
        m.State.ShouldBe(TcpState.TimeWait, "TIME-WAIT must last 2 MSL: one tick before that the connection is still in TIME-WAIT.");
    }

    [Test, Points(2), Hint("See Hint 3.4: start a timer on the TimeProvider you were given, due in 2 * MaximumSegmentLifetime.")]
    public void TIME_WAIT_ends_in_CLOSED_at_exactly_2_MSL()
    {
        var m = Machine.In(TcpState.TimeWait);
        m.Advance(TwoMsl);
        m.State.ShouldBe(TcpState.Closed, "After exactly 2 MSL in TIME-WAIT the connection is CLOSED.");
    }

    [Test, Hint("Read the MSL from the TcpOptions the connection was given.")]
    public void TIME_WAIT_lasts_twice_the_configured_MSL()
    {
        var options = new TcpOptions { MaximumSegmentLifetime = TimeSpan.FromSeconds(30) };
        var m = Machine.In(TcpState.TimeWait, options: options);
        m.Advance(TimeSpan.FromSeconds(60) - Tick);
        m.State.ShouldBe(TcpState.TimeWait, "With MSL = 30 s, TIME-WAIT lasts 60 s.");
        m.Advance(Tick);
        m.State.ShouldBe(TcpState.Closed, "With MSL = 30 s, TIME-WAIT ends after exactly 60 s.");
    }

    [Test, Hint("Leaving TIME-WAIT is silent: nothing is sent when the timer expires.")]
    public void End_of_TIME_WAIT_sends_nothing()
    {
        var m = Machine.In(TcpState.TimeWait);
        m.Advance(TwoMsl);
        m.ShouldHaveSentNothing("the end of TIME-WAIT");
    }

    [Test, Points(2), Hint("See Hint 3.6: a FIN in TIME-WAIT is the peer's FIN again (our ACK was lost): acknowledge it again.")]
    public void Retransmitted_FIN_in_TIME_WAIT_is_acknowledged_again()
    {
        var m = Machine.In(TcpState.TimeWait);
        m.Receive(Seg(Fin | Ack, seq: 301, ack: 102));
        m.TakeSingle("the peer's FIN again, in TIME-WAIT").ShouldBe(Seg(Ack, seq: 102, ack: 302));
    }

    [Test, Hint("See Hint 3.6: the retransmitted FIN restarts the 2 MSL timer.")]
    public void Retransmitted_FIN_restarts_the_2_MSL_wait()
    {
        var m = Machine.In(TcpState.TimeWait);
        m.Advance(TimeSpan.FromMinutes(3));
        m.Receive(Seg(Fin | Ack, seq: 301, ack: 102));
        m.Advance(TwoMsl - Tick);
        m.State.ShouldBe(TcpState.TimeWait, "A retransmitted FIN restarts TIME-WAIT: 2 MSL from the FIN, not from the first entry.");
    }
}
