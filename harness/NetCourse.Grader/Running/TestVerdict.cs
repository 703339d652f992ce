using NetCourse.Grading.Protocol;

namespace NetCourse.Grader.Running;

/// <summary>
/// One test of a lesson: what the host planned, and the verdict it (or the grader's watchdog) gave.
/// Immutable; a run's verdicts are made in one place, <see cref="VerdictBuilder"/>.
/// </summary>
public sealed record TestVerdict
{
    public required string Id { get; init; }
    public required string Fixture { get; init; }
    public required string Name { get; init; }
    public int Points { get; init; }
    public string? Hint { get; init; }
    public int? Task { get; init; }
    public int TimeLimitSeconds { get; init; }

    /// <summary>Null while the test has not run.</summary>
    public TestOutcome? Outcome { get; init; }
    public string? Message { get; init; }
    public string? NotStarted { get; init; }
    public string? Output { get; init; }
    public long? Seed { get; init; }
    public double DurationMs { get; init; }

    public bool Passed => Outcome == TestOutcome.Passed;
    public bool Finished => Outcome is not null;
    public int PointsEarned => Passed ? Points : 0;

    /// <summary>Finished, not passed, and not skipped: a test that says something is wrong.</summary>
    public bool Failed => Finished && !Passed && Outcome != TestOutcome.Skipped;
}
