namespace NetCourse.Lesson01.Tests;

[Task(4)]
public class RejectedCallTests
{
    [TestCase(TcpState.Listen)]
    [TestCase(TcpState.Established)]
    [TestCase(TcpState.TimeWait)]
    [Hint("See Hint 4.6: passive open only from CLOSED; elsewhere throw InvalidOperationException and change nothing.")]
    public void Passive_open_on_a_connection_in_use_is_rejected(TcpState state)
    {
        var m = Machine.In(state);
        Should.Throw<InvalidOperationException>(m.Tcp.PassiveOpen, $"Passive open in {state}: the connection already exists.");
        m.State.ShouldBe(state, "A rejected call must leave the connection as it was.");
    }

    [TestCase(TcpState.SynSent)]
    [TestCase(TcpState.Established)]
    [TestCase(TcpState.CloseWait)]
    [Hint("See Hint 4.6: active open only from CLOSED or LISTEN; elsewhere throw InvalidOperationException and change nothing.")]
    public void Active_open_on_a_connection_in_use_is_rejected(TcpState state)
    {
        var m = Machine.In(state);
        Should.Throw<InvalidOperationException>(m.Tcp.ActiveOpen, $"Active open in {state}: the connection already exists.");
        m.State.ShouldBe(state, "A rejected call must leave the connection as it was.");
        m.ShouldHaveSentNothing($"a rejected active open in {state}");
    }

    [Test, Hint("See Hint 4.6: there is no connection to close in CLOSED: throw InvalidOperationException.")]
    public void Close_in_CLOSED_is_rejected()
    {
        var m = new Machine();
        Should.Throw<InvalidOperationException>(m.Tcp.Close, "Close in CLOSED: the connection does not exist.");
        m.State.ShouldBe(TcpState.Closed);
    }

    [TestCase(TcpState.FinWait1)]
    [TestCase(TcpState.FinWait2)]
    [TestCase(TcpState.Closing)]
    [TestCase(TcpState.LastAck)]
    [TestCase(TcpState.TimeWait)]
    [Hint("See Hint 4.6: a second close is an error (\"connection closing\"): throw, send no second FIN, change nothing.")]
    public void Close_of_a_closing_connection_is_rejected(TcpState state)
    {
        var m = Machine.In(state);
        Should.Throw<InvalidOperationException>(m.Tcp.Close, $"Close in {state}: the connection is already closing.");
        m.State.ShouldBe(state, "A rejected call must leave the connection as it was.");
        m.ShouldHaveSentNothing($"a rejected close in {state}");
    }
}
