using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetCourse.Harness.Grading;

/// <summary>
/// The line protocol between a lesson's test host and the grader: one JSON object per line on the
/// grader's channel (signed: <see cref="EventSignature"/>). Each line is written and flushed on its own, so whatever the learner's code does
/// to the process afterwards (hang, crash, exit), every verdict already written survives, and the
/// grader knows which test was running when it stopped.
/// </summary>
public sealed record HostEvent
{
    public const string Plan = "plan";
    public const string Start = "start";
    public const string End = "end";
    public const string Done = "done";

    public required string Type { get; init; }
    public string? Id { get; init; }

    // plan
    public string? Fixture { get; init; }
    public string? Name { get; init; }
    public int Points { get; init; }
    public string? Hint { get; init; }
    public int? Task { get; init; }
    public int TimeLimitSeconds { get; init; }

    // end
    public string? Outcome { get; init; }
    public string? Message { get; init; }
    public string? StackTrace { get; init; }
    public string? NotStarted { get; init; }
    public string? Output { get; init; }
    public long? Seed { get; init; }
    public double DurationMs { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static HostEvent? TryParse(string line)
    {
        try { return JsonSerializer.Deserialize<HostEvent>(line, Json); }
        catch (JsonException) { return null; }
    }
}

public static class TestOutcomes
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string NotStarted = "not-started";
    public const string Skipped = "skipped";
    // Decided by the grader, never written by the host: the host cannot report its own death.
    public const string TimedOut = "timed-out";
    public const string Crashed = "crashed";
}
