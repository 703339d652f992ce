namespace NetCourse.Lesson07.Tests.Support;

public static class Outcome
{
    /// <summary>
    /// The exception the call ends with (null if it succeeds), within the standard deadline.
    /// The course's rule for errors of async members: thrown by the call itself or carried by
    /// the task it returns, both count the same — so the call is made inside the try.
    /// </summary>
    public static async Task<Exception?> ExceptionOf(Func<Task> call)
    {
        try
        {
            await call().WithDeadline(what: "the pool's answer");
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

    public static Task<Exception?> ExceptionOf<T>(Func<ValueTask<T>> call) => ExceptionOf(() => call().AsTask());
}
