namespace NetCourse.Harness.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when a test calls <see cref="Advance"/>.
/// Timers (and everything built on them: <c>Task.Delay(d, clock)</c>,
/// <c>new CancellationTokenSource(d, clock)</c>, <c>PeriodicTimer</c>) fire during
/// <see cref="Advance"/>, in order of due time, on the caller's thread, with the clock set to
/// each timer's due time while its callback runs. Nothing ever sleeps.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _sequence;

    public ManualClock() : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }

    public ManualClock(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    // Timestamps follow the manual time too, so elapsed-time measurements agree with the timers.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>How many timers are waiting to fire: lets a test wait until code under test has armed one.</summary>
    public int PendingTimers
    {
        get { lock (_gate) return _timers.Count(t => t.DueAt is not null); }
    }

    /// <summary>Moves time forward by <paramref name="by"/>, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate) target = _now + by;

        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers
                    .Where(t => t.DueAt <= target)
                    .OrderBy(t => t.DueAt).ThenBy(t => t.Sequence)
                    .FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }
                _now = next.DueAt!.Value;
                next.Rearm(_now, ++_sequence);
            }
            // Outside the lock: a callback may create, change or dispose timers.
            next.Fire();
        }
    }

    /// <summary>Moves time to <paramref name="moment"/> (never backwards).</summary>
    public void AdvanceTo(DateTimeOffset moment) => Advance(moment - GetUtcNow());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        public DateTimeOffset? DueAt { get; private set; }
        public long Sequence { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                if (!clock._timers.Contains(this)) return false;
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                Sequence = ++clock._sequence;
                return true;
            }
        }

        // Called under the clock's lock when the timer fires: periodic timers come due again.
        public void Rearm(DateTimeOffset now, long sequence)
        {
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : now + _period;
            Sequence = sequence;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                DueAt = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
