namespace NetCourse.Lesson09.Tests.Support;

public static class Outcome
{
    /// <summary>The task's result; a test failure saying <paramref name="why"/> if it throws instead.</summary>
    public static async Task<T> ShouldSucceed<T>(Task<T> task, string why)
    {
        try
        {
            return await task.WithDeadline(what: "the call under test");
        }
        catch (Exception e) when (e is not DeadlineExceededException)
        {
            Assert.Fail($"{why} It threw {e.GetType().Name}: {e.Message}");
            throw; // unreachable: Assert.Fail throws
        }
    }
}
