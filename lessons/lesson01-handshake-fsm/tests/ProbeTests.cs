namespace NetCourse.Lesson01.Tests;
public class ProbeTests
{
    [Test, Points(2), Hint("Return the answer.")]
    public void Answer_is_42() => Probe.Answer().ShouldBe(42);
}
