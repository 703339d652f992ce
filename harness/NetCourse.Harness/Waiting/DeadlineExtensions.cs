using System.Runtime.CompilerServices;

namespace NetCourse.Harness.Waiting;

/// <summary>
/// Bounded waits: <c>await client.ReadAsync(buffer).WithDeadline()</c> fails with a message that
/// names what was awaited (the awaited expression itself, unless <c>what</c> says otherwise)
/// instead of hanging the test until the grader's time limit.
/// </summary>
public static class DeadlineExtensions
{
    public static async Task WithDeadline(this Task task, TimeSpan? deadline = null,
        [CallerArgumentExpression(nameof(task))] string? what = null)
    {
        var limit = Deadline.Resolve(deadline);
        try { await task.WaitAsync(limit).ConfigureAwait(false); }
        catch (TimeoutException) when (!task.IsCompleted) { throw Exceeded(what, limit); }
    }

    public static async Task<T> WithDeadline<T>(this Task<T> task, TimeSpan? deadline = null,
        [CallerArgumentExpression(nameof(task))] string? what = null)
    {
        var limit = Deadline.Resolve(deadline);
        try { return await task.WaitAsync(limit).ConfigureAwait(false); }
        catch (TimeoutException) when (!task.IsCompleted) { throw Exceeded(what, limit); }
    }

    public static Task WithDeadline(this ValueTask task, TimeSpan? deadline = null,
        [CallerArgumentExpression(nameof(task))] string? what = null) =>
        task.AsTask().WithDeadline(deadline, what);

    public static Task<T> WithDeadline<T>(this ValueTask<T> task, TimeSpan? deadline = null,
        [CallerArgumentExpression(nameof(task))] string? what = null) =>
        task.AsTask().WithDeadline(deadline, what);

    private static DeadlineExceededException Exceeded(string? what, TimeSpan limit) =>
        new($"`{what ?? "the awaited task"}` did not complete within {Describe(limit)}.");

    internal static string Describe(TimeSpan t) =>
        t.TotalSeconds >= 1 ? FormattableString.Invariant($"{t.TotalSeconds:0.###} s") : FormattableString.Invariant($"{t.TotalMilliseconds:0.###} ms");
}
