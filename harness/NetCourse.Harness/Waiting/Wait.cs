using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NetCourse.Harness.Waiting;

/// <summary>
/// Waits for a condition another thread makes true (a counter reaches 3, a clock has a timer
/// armed), polling briefly, for at most a deadline. Prefer awaiting a task when there is one;
/// this is for state that offers nothing to await.
/// </summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? deadline = null, string? what = null,
        [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        var limit = Deadline.Resolve(deadline);
        var started = Stopwatch.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(1);
        while (!condition())
        {
            if (limit != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(started) > limit)
                throw new DeadlineExceededException(
                    $"{what ?? $"`{expression}`"} did not become true within {DeadlineExtensions.Describe(limit)}.");
            await Task.Delay(pause).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(20).Ticks));
        }
    }
}
