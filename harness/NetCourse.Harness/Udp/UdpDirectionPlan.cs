using NetCourse.Harness.Faults;
using NetCourse.Harness.Seeds;

namespace NetCourse.Harness.Udp;

/// <summary>The fate of datagram <c>i</c> in one direction of one session, from seeded streams of
/// its own per fault: the same seed gives the same fates, and adding a fault shifts no other.</summary>
internal sealed class UdpDirectionPlan
{
    private readonly UdpDirectionSpec _spec;
    private readonly SeededChance _drop, _duplicate, _reorder, _jitter;

    public UdpDirectionPlan(int seed, int session, Direction direction, UdpDirectionSpec spec)
    {
        _spec = spec;
        var scope = $"udp/session-{session}/{direction}";
        _drop = new SeededChance(TestSeed.Derive(seed, scope + "/drop"));
        _duplicate = new SeededChance(TestSeed.Derive(seed, scope + "/duplicate"));
        _reorder = new SeededChance(TestSeed.Derive(seed, scope + "/reorder"));
        _jitter = new SeededChance(TestSeed.Derive(seed, scope + "/jitter"));
    }

    public bool Drops(int index) => _spec.DropIndices.Contains(index) || _drop.Hits(index, _spec.DropProbability);

    public int Copies(int index) => _duplicate.Hits(index, _spec.DuplicateProbability) ? 1 + _spec.Copies : 1;

    public bool HoldsBack(int index) => _reorder.Hits(index, _spec.ReorderProbability);

    public TimeSpan DelayOf(int index)
    {
        if (_spec.Jitter <= TimeSpan.Zero) return _spec.Delay;
        var offset = (_jitter.For(index) * 2 - 1) * _spec.Jitter.Ticks;
        return TimeSpan.FromTicks(Math.Max(0, _spec.Delay.Ticks + (long)offset));
    }
}
