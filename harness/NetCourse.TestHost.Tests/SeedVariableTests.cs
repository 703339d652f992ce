using NetCourse.Grading.Protocol;
using NetCourse.Harness.Seeds;

namespace NetCourse.TestHost.Tests;

/// <summary>The harness references no grading project, so it spells the seed's variable itself.</summary>
public class SeedVariableTests
{
    [Test]
    public void The_harness_reads_the_seed_from_the_variable_the_grader_sets() =>
        TestSeed.EnvironmentVariable.ShouldBe(HostEnvironment.Seed);
}
