namespace NetCourse.Lesson06.Tests.Support;

/// <summary>
/// The manual clock as the server sees it, counting how often the server looks at the time (reads
/// it or starts a timer). A test that drips bytes into a line uses the count to know that the
/// server has handled a drip before moving time on; timers still run on the manual clock.
/// </summary>
public sealed class CountingClock(ManualClock clock) : TimeProvider
{
    private int _looks;

    public int Looks => Volatile.Read(ref _looks);

    public override DateTimeOffset GetUtcNow()
    {
        Interlocked.Increment(ref _looks);
        return clock.GetUtcNow();
    }

    public override long GetTimestamp()
    {
        Interlocked.Increment(ref _looks);
        return clock.GetTimestamp();
    }

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _looks);
        return clock.CreateTimer(callback, state, dueTime, period);
    }
}
