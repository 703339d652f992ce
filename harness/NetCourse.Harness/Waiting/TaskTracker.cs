namespace NetCourse.Harness.Waiting;

/// <summary>
/// The background work a harness component started (accept loops, pumps, delayed sends). Its
/// owner's <c>DisposeAsync</c> awaits <see cref="WhenAllAsync"/>, so nothing the harness starts
/// outlives the test that started it: no fire-and-forget.
/// </summary>
internal sealed class TaskTracker
{
    private readonly HashSet<Task> _running = [];
    private bool _closed;

    /// <summary>Starts <paramref name="work"/> on the thread pool and tracks it; refused after
    /// <see cref="WhenAllAsync"/> began, so shutdown cannot race with new work.</summary>
    public bool Run(Func<Task> work)
    {
        lock (_running)
        {
            if (_closed) return false;
            var task = Task.Run(work);
            _running.Add(task);
            // The continuation only removes the entry; it cannot fail.
            task.ContinueWith(Forget, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return true;
        }
    }

    private static void Forget(Task task, object? state)
    {
        var tracker = (TaskTracker)state!;
        lock (tracker._running) tracker._running.Remove(task);
    }

    /// <summary>Stops accepting work and waits for everything started so far. Exceptions were the
    /// work's to report; they are observed here so none goes unobserved.</summary>
    public async Task WhenAllAsync()
    {
        Task[] running;
        lock (_running)
        {
            _closed = true;
            running = [.. _running];
        }
        try { await Task.WhenAll(running).ConfigureAwait(false); }
        catch { /* already reported by the work itself */ }
    }
}
