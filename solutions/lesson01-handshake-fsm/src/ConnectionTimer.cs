namespace NetCourse.Lesson01;

/// <summary>
/// A one-shot timer that can be stopped and restarted, whose expiry runs under the connection's
/// lock. A real <see cref="TimeProvider"/> fires on a thread-pool thread and may fire just after
/// the timer was stopped or restarted; a generation number makes such a late expiry harmless.
/// </summary>
internal sealed class ConnectionTimer(TimeProvider time, Lock gate, Action onExpired) : IDisposable
{
    private ITimer? _timer;
    private long _generation;

    public bool IsRunning => _timer is not null;

    /// <summary>(Re)starts the timer; the caller holds the connection's lock.</summary>
    public void Start(TimeSpan dueIn)
    {
        Stop();
        var generation = ++_generation;
        _timer = time.CreateTimer(_ => Expire(generation), null, dueIn, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Stops the timer; the caller holds the connection's lock.</summary>
    public void Stop()
    {
        _generation++;
        _timer?.Dispose();
        _timer = null;
    }

    public void Dispose() => Stop();

    private void Expire(long generation)
    {
        lock (gate)
        {
            if (generation != _generation) return;
            Stop();
            onExpired();
        }
    }
}
