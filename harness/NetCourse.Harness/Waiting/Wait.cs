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
    public static Task UntilAsync(Func<bool> condition, TimeSpan? deadline = null, string? what = null,
        [CallerArgumentExpression(nameof(condition))] string? expression = null) =>
        PollAsync(() => Task.FromResult(condition()), deadline, limit => $"{what ?? $"`{expression}`"} did not become true within {limit}.");

    /// <summary>For state read asynchronously: a registry entry, a store, a server's answer.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan? deadline = null, string? what = null,
        [CallerArgumentExpression(nameof(condition))] string? expression = null) =>
        PollAsync(condition, deadline, limit => $"{what ?? $"`{expression}`"} did not become true within {limit}.");

    /// <summary><paramref name="awaited"/> is built only if the wait fails, so it can show the state
    /// at that moment: <c>() => $"alice's messages (received so far: {string.Join(", ", ids)})"</c>.</summary>
    public static Task UntilAsync(Func<bool> condition, Func<string> awaited, TimeSpan? deadline = null) =>
        PollAsync(() => Task.FromResult(condition()), deadline, limit => $"Waited {limit} for {awaited()}.");

    /// <inheritdoc cref="UntilAsync(Func{bool}, Func{string}, TimeSpan?)"/>
    public static Task UntilAsync(Func<Task<bool>> condition, Func<string> awaited, TimeSpan? deadline = null) =>
        PollAsync(condition, deadline, limit => $"Waited {limit} for {awaited()}.");

    private static async Task PollAsync(Func<Task<bool>> condition, TimeSpan? deadline, Func<string, string> failure)
    {
        var limit = Deadline.Resolve(deadline);
        var started = Stopwatch.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(1);
        while (!await condition().ConfigureAwait(false))
        {
            if (limit != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(started) > limit)
                throw new DeadlineExceededException(failure(DeadlineExtensions.Describe(limit)));
            await Task.Delay(pause).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(20).Ticks));
        }
    }
}
