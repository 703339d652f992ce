using NetCourse.Harness.Time;

namespace NetCourse.Harness.Tests.Time;

public class ManualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Time_stands_still_until_advanced()
    {
        var clock = new ManualClock(Start);

        clock.Advance(TimeSpan.FromSeconds(3));

        clock.GetUtcNow().ShouldBe(Start.AddSeconds(3));
    }

    [Test]
    public void Elapsed_time_follows_the_manual_time()
    {
        var clock = new ManualClock();
        var before = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromMilliseconds(1500));

        clock.GetElapsedTime(before).ShouldBe(TimeSpan.FromMilliseconds(1500));
    }

    [Test]
    public void A_delay_completes_only_when_time_reaches_it()
    {
        var clock = new ManualClock();
        var delay = Task.Delay(TimeSpan.FromSeconds(10), clock);

        clock.Advance(TimeSpan.FromSeconds(9));
        delay.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));

        delay.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Test]
    public void A_timeout_token_cancels_when_time_passes_it()
    {
        var clock = new ManualClock();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), clock);

        clock.Advance(TimeSpan.FromSeconds(5));

        timeout.IsCancellationRequested.ShouldBeTrue();
    }

    [Test]
    public void Timers_fire_in_order_of_due_time_with_the_clock_at_their_due_time()
    {
        var clock = new ManualClock(Start);
        var fired = new List<(string, DateTimeOffset)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(5));

        fired.ShouldBe([("early", Start.AddSeconds(1)), ("late", Start.AddSeconds(2))]);
    }

    [Test]
    public void A_periodic_timer_fires_once_per_period()
    {
        var clock = new ManualClock();
        var ticks = 0;
        using var timer = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(3.5));

        ticks.ShouldBe(3);
    }

    [Test]
    public void A_disposed_timer_never_fires()
    {
        var clock = new ManualClock();
        var fired = false;
        var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(2));

        fired.ShouldBeFalse();
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan).ShouldBeFalse();
    }

    [Test]
    public void Changing_a_timer_moves_its_due_time()
    {
        var clock = new ManualClock();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));

        fired.ShouldBe(0);
    }

    [Test]
    public void Pending_timers_counts_armed_timers_only()
    {
        var clock = new ManualClock();
        using var armed = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var idle = clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        clock.PendingTimers.ShouldBe(1);
    }

    [Test]
    public void A_callback_may_arm_a_timer_that_falls_due_in_the_same_advance()
    {
        var clock = new ManualClock();
        var fired = new List<string>();
        ITimer? second = null;
        using var first = clock.CreateTimer(_ =>
        {
            fired.Add("first");
            second = clock.CreateTimer(_ => fired.Add("second"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(3));

        fired.ShouldBe(["first", "second"]);
        second?.Dispose();
    }

    [Test]
    public async Task A_periodic_timer_ticks_as_time_advances()
    {
        var clock = new ManualClock();
        using var periodic = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        var tick = periodic.WaitForNextTickAsync().AsTask();

        clock.Advance(TimeSpan.FromSeconds(1));

        (await tick.WaitAsync(TimeSpan.FromSeconds(5))).ShouldBeTrue();
    }

    [Test]
    public void Time_never_moves_backwards()
    {
        var clock = new ManualClock();

        Should.Throw<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
    }
}
