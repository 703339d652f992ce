namespace NetCourse.Harness.Tools;

/// <summary>
/// Programs some tests need beyond the .NET SDK (redis-server, a Chromium browser). A learner
/// without one still gets a grade: the tests that need it are skipped with a line saying how to
/// install it. Where the course must prove everything (CI sets NETCOURSE_REQUIRE_TOOLS=1, as
/// .ci/run does), a missing program fails those tests instead, so nothing passes by being skipped.
/// </summary>
public static class ExternalTool
{
    public const string RequireVariable = "NETCOURSE_REQUIRE_TOOLS";

    /// <summary>True when missing tools must fail tests rather than skip them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) is "1" or "true";

    /// <summary>The full path of <paramref name="program"/> on the PATH, or null.</summary>
    public static string? FindOnPath(string program)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program } : [program];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (directory.Length == 0) continue;
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// Returns the first of <paramref name="candidates"/> (names on the PATH or absolute paths)
    /// that exists; when none does, skips the current test (or fails it when tools are required)
    /// with <paramref name="howToInstall"/>.
    /// </summary>
    public static string Require(string what, string howToInstall, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            var path = Path.IsPathRooted(candidate) ? (File.Exists(candidate) ? candidate : null) : FindOnPath(candidate);
            if (path is not null) return path;
        }
        var message = $"{what} is not installed ({string.Join(", ", candidates)} not found): {howToInstall}";
        if (Required) Assert.Fail(message + $" ({RequireVariable} is set, so this counts as a failure).");
        Assert.Ignore(message);
        return null!; // unreachable: Assert.Ignore and Assert.Fail throw
    }
}
