using NetCourse.Harness.Faults;
using NetCourse.Harness.Tcp;

namespace NetCourse.Harness.Tests.Tcp;

public class DirectionPlanTests
{
    private static readonly DirectionFaultSpec Random1To9 = new() { SplitMin = 1, SplitMax = 9, MergeMinBytes = 5, MergeMaxBytes = 50, Jitter = TimeSpan.FromMilliseconds(5) };

    [Test]
    public void The_same_seed_gives_the_same_plan()
    {
        Cuts(new DirectionPlan(3, 0, Direction.ClientToServer, Random1To9))
            .ShouldBe(Cuts(new DirectionPlan(3, 0, Direction.ClientToServer, Random1To9)));
    }

    [Test]
    public void Another_connection_gets_its_own_plan()
    {
        Cuts(new DirectionPlan(3, 1, Direction.ClientToServer, Random1To9))
            .ShouldNotBe(Cuts(new DirectionPlan(3, 0, Direction.ClientToServer, Random1To9)));
    }

    [Test]
    public void Another_direction_gets_its_own_plan()
    {
        Cuts(new DirectionPlan(3, 0, Direction.ServerToClient, Random1To9))
            .ShouldNotBe(Cuts(new DirectionPlan(3, 0, Direction.ClientToServer, Random1To9)));
    }

    [Test]
    public void Drawing_from_one_fault_does_not_shift_another()
    {
        var undisturbed = new DirectionPlan(3, 0, Direction.ClientToServer, Random1To9);
        var disturbed = new DirectionPlan(3, 0, Direction.ClientToServer, Random1To9);
        for (var i = 0; i < 100; i++) disturbed.NextDelay();
        disturbed.NextMergeAfter(500);

        Cuts(disturbed).ShouldBe(Cuts(undisturbed));
    }

    private static List<long> Cuts(DirectionPlan plan)
    {
        var cuts = new List<long>();
        for (long offset = 0; cuts.Count < 50; offset = cuts[^1]) cuts.Add(plan.NextSplitAfter(offset));
        return cuts;
    }
}
