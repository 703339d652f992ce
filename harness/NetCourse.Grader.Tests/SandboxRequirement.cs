using NetCourse.Grader.Trust;

namespace NetCourse.Grader.Tests;

/// <summary>
/// Tests that need trusted grading's sandbox: skipped with the reason where there can be none
/// (not Linux, no bubblewrap), failed instead where NETCOURSE_REQUIRE_SANDBOX=1 (.ci/run), as
/// ExternalTool does for programs beyond the SDK.
/// </summary>
internal static class SandboxRequirement
{
    public static void Check(string? unavailable)
    {
        if (unavailable is null) return;
        var message = $"trusted grading's sandbox is not available here: {unavailable}";
        if (Environment.GetEnvironmentVariable(TrustedGrader.RequireSandboxVariable) is "1" or "true")
            Assert.Fail(message + $" ({TrustedGrader.RequireSandboxVariable} is set, so this counts as a failure).");
        Assert.Ignore(message);
    }
}
