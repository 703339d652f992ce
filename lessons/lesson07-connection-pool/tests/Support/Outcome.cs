namespace NetCourse.Lesson07.Tests.Support;

public static class Outcome
{
    /// <summary>The exception the task ends with (null if it succeeds), within the standard deadline.</summary>
    public static async Task<Exception?> ExceptionOf(Task task)
    {
        try
        {
            await task.WithDeadline(what: "the pool's answer");
            return null;
        }
        catch (DeadlineExceededException)
        {
            throw;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    public static Task<Exception?> ExceptionOf<T>(ValueTask<T> task) => ExceptionOf(task.AsTask());
}
