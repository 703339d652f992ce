namespace NetCourse.Grader.Trust;

/// <summary>What a sandboxed process is for, and so what it may see and spend.</summary>
public enum SandboxProfile
{
    /// <summary>A build: the staged course read-only but its .build/ folder, the package cache read-only.</summary>
    Build,

    /// <summary>The test host: the staged course and its build output, read-only, and a private temporary folder.</summary>
    TestRun,
}
