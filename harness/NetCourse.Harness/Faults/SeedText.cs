using NetCourse.Harness.Seeds;

namespace NetCourse.Harness.Faults;

internal static class SeedText
{
    /// <summary>Where a proxy's seed came from, for its event log: a fixed seed reproduces itself;
    /// a test's seed is derived from the run's master seed, which is what a rerun needs.</summary>
    public static string Origin(int? fixedSeed) => fixedSeed is null
        ? $"(the test's seed under master seed {TestSeed.Master}: {TestSeed.EnvironmentVariable}={TestSeed.Master} reruns it)"
        : "(fixed by WithSeed)";
}
