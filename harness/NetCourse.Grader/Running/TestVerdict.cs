using NetCourse.Harness.Grading;

namespace NetCourse.Grader.Running;

/// <summary>One test of a lesson: what the host planned, and the verdict it (or the watchdog) gave.</summary>
public sealed class TestVerdict
{
    public required string Id { get; init; }
    public required string Fixture { get; init; }
    public required string Name { get; init; }
    public int Points { get; init; }
    public string? Hint { get; init; }
    public int? Task { get; init; }
    public int TimeLimitSeconds { get; init; }

    /// <summary>One of <see cref="TestOutcomes"/>; null while the test has not run.</summary>
    public string? Outcome { get; set; }
    public string? Message { get; set; }
    public string? NotStarted { get; set; }
    public string? Output { get; set; }
    public long? Seed { get; set; }
    public double DurationMs { get; set; }

    public bool Passed => Outcome == TestOutcomes.Passed;
    public bool Finished => Outcome is not null;
    public int PointsEarned => Passed ? Points : 0;

    public static TestVerdict FromPlan(HostEvent plan) => new()
    {
        Id = plan.Id!,
        Fixture = plan.Fixture ?? "",
        Name = plan.Name ?? plan.Id!,
        Points = plan.Points,
        Hint = plan.Hint,
        Task = plan.Task,
        TimeLimitSeconds = plan.TimeLimitSeconds,
    };
}
