using NetCourse.Harness.Faults;
using NetCourse.Harness.Udp;

namespace NetCourse.Harness.Tests.Udp;

public class UdpDirectionPlanTests
{
    private static readonly UdpDirectionSpec Half = new() { DropProbability = 0.5, DuplicateProbability = 0.5 };

    [Test]
    public void The_same_seed_decides_the_same_fates()
    {
        Drops(new UdpDirectionPlan(9, 0, Direction.ClientToServer, Half))
            .ShouldBe(Drops(new UdpDirectionPlan(9, 0, Direction.ClientToServer, Half)));
    }

    [Test]
    public void Each_direction_decides_independently()
    {
        Drops(new UdpDirectionPlan(9, 0, Direction.ServerToClient, Half))
            .ShouldNotBe(Drops(new UdpDirectionPlan(9, 0, Direction.ClientToServer, Half)));
    }

    [Test]
    public void Each_fault_decides_independently()
    {
        var plan = new UdpDirectionPlan(9, 0, Direction.ClientToServer, Half);

        Enumerable.Range(0, 64).Select(i => plan.Copies(i) > 1).ShouldNotBe(Drops(plan));
    }

    [Test]
    public void A_fate_depends_on_the_index_not_on_the_order_of_asking()
    {
        var plan = new UdpDirectionPlan(9, 0, Direction.ClientToServer, Half);
        var forwards = Drops(plan);

        Enumerable.Range(0, 64).Reverse().Select(plan.Drops).Reverse().ShouldBe(forwards);
    }

    private static List<bool> Drops(UdpDirectionPlan plan) => [.. Enumerable.Range(0, 64).Select(plan.Drops)];
}
