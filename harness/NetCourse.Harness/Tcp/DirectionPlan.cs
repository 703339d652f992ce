using NetCourse.Harness.Faults;
using NetCourse.Harness.Seeds;

namespace NetCourse.Harness.Tcp;

/// <summary>
/// The seeded decisions of one direction of one connection. Each fault draws from its own stream,
/// derived from (seed, connection, direction, fault), so adding a fault, a connection or a
/// direction never shifts another's numbers. Cuts are planned on byte offsets of the stream, not
/// on the sender's writes, so they do not depend on timing.
/// </summary>
internal sealed class DirectionPlan
{
    private readonly DirectionFaultSpec _spec;
    private readonly Random _split, _merge, _jitter;
    private long _nextSplit, _nextMerge;

    public DirectionPlan(int seed, int connection, Direction direction, DirectionFaultSpec spec)
    {
        _spec = spec;
        var scope = $"tcp/connection-{connection}/{direction}";
        _split = new Random(TestSeed.Derive(seed, scope + "/split"));
        _merge = new Random(TestSeed.Derive(seed, scope + "/merge"));
        _jitter = new Random(TestSeed.Derive(seed, scope + "/jitter"));
    }

    /// <summary>The first split cut strictly after byte offset <paramref name="offset"/>.</summary>
    public long NextSplitAfter(long offset)
    {
        while (_nextSplit <= offset) _nextSplit += _split.Next(_spec.SplitMin, _spec.SplitMax + 1);
        return _nextSplit;
    }

    /// <summary>The first merge boundary strictly after byte offset <paramref name="offset"/>.</summary>
    public long NextMergeAfter(long offset)
    {
        while (_nextMerge <= offset) _nextMerge += _merge.Next(_spec.MergeMinBytes, _spec.MergeMaxBytes + 1);
        return _nextMerge;
    }

    /// <summary>The delay of the next group: the configured delay plus a uniform draw in ±jitter.</summary>
    public TimeSpan NextDelay()
    {
        if (_spec.Jitter <= TimeSpan.Zero) return _spec.Delay;
        var offset = (_jitter.NextDouble() * 2 - 1) * _spec.Jitter.Ticks;
        return TimeSpan.FromTicks(Math.Max(0, _spec.Delay.Ticks + (long)offset));
    }
}
