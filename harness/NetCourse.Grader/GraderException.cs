namespace NetCourse.Grader;

/// <summary>A problem the grader explains in one sentence to the person running it (no stack trace).</summary>
public sealed class GraderException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
