using OsTcpState = System.Net.NetworkInformation.TcpState;

namespace NetCourse.Lesson01.Tests;

[Task(6)]
public class OsTcpStateMappingTests
{
    [TestCase(OsTcpState.Closed, TcpState.Closed)]
    [TestCase(OsTcpState.Listen, TcpState.Listen)]
    [TestCase(OsTcpState.SynSent, TcpState.SynSent)]
    [TestCase(OsTcpState.SynReceived, TcpState.SynReceived)]
    [TestCase(OsTcpState.Established, TcpState.Established)]
    [TestCase(OsTcpState.FinWait1, TcpState.FinWait1)]
    [TestCase(OsTcpState.FinWait2, TcpState.FinWait2)]
    [TestCase(OsTcpState.CloseWait, TcpState.CloseWait)]
    [TestCase(OsTcpState.Closing, TcpState.Closing)]
    [TestCase(OsTcpState.LastAck, TcpState.LastAck)]
    [TestCase(OsTcpState.TimeWait, TcpState.TimeWait)]
    [Hint("See Hint 6.1: one switch expression, one arm per state.")]
    public void Operating_system_state_maps_to_the_lesson_state(OsTcpState os, TcpState expected) =>
        OsTcpStates.ToLessonState(os).ShouldBe(expected, $"The operating system's {os} is the lesson's {expected}.");

    [Test, Hint("See Hint 6.1: DeleteTcb (Windows) is a connection being deleted: CLOSED.")]
    public void DeleteTcb_maps_to_CLOSED() =>
        OsTcpStates.ToLessonState(OsTcpState.DeleteTcb).ShouldBe(TcpState.Closed);

    [Test, Hint("See Hint 6.1: Unknown names no RFC state: throw ArgumentOutOfRangeException.")]
    public void Unknown_state_is_rejected() =>
        Should.Throw<ArgumentOutOfRangeException>(() => OsTcpStates.ToLessonState(OsTcpState.Unknown));
}
