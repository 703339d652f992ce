using System.Text.Json;
using System.Text.Json.Serialization;
using NetCourse.Grader.Running;
using NetCourse.Harness.Grading;

namespace NetCourse.Grader.Reporting;

/// <summary>
/// Results in the shape autograding services read: Gradescope's <c>score</c>/<c>max_score</c>
/// and <c>tests[]</c>, and GitHub Classroom's top-level <c>status</c> (pass, fail, error).
/// </summary>
public static class JsonReport
{
    private const int MaxOutputChars = 2000;

    public static string Render(LessonRun run)
    {
        var report = new Report(
            Status: !run.Compiled ? "error" : run.AllPassed ? "pass" : "fail",
            Message: !run.Compiled
                ? "The code does not compile:\n" + string.Join('\n', run.Build.Errors)
                : $"{run.PassedCount} of {run.Tests.Count} tests pass",
            Score: run.PointsEarned,
            MaxScore: run.PointsPossible,
            Lesson: run.Lesson.Id,
            Implementation: run.Implementation.Pivot,
            Seed: run.Seed,
            Tests: run.Tests.Select(t => new TestEntry(
                Name: $"{t.Fixture} › {t.Name}",
                Status: t.Passed ? "passed" : "failed",
                Outcome: t.Outcome ?? "not-run",
                Score: t.PointsEarned,
                MaxScore: t.Points,
                Message: Message(t),
                Output: Truncate(t.Output),
                TaskId: t.Task,
                ExecutionTime: Math.Round(t.DurationMs / 1000, 3),
                Hint: t.Passed ? null : t.Hint)).ToList());
        return JsonSerializer.Serialize(report, Options);
    }

    internal static string? Message(TestVerdict test) => test.Outcome switch
    {
        TestOutcomes.Passed => null,
        TestOutcomes.NotStarted => $"not started: {test.NotStarted}",
        _ => test.Seed is { } seed ? $"{test.Message}\n(seed {seed})" : test.Message,
    };

    private static string? Truncate(string? text) =>
        text is null || text.Length <= MaxOutputChars ? text : text[..MaxOutputChars] + "\n… (truncated)";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Report(string Status, string Message, int Score, int MaxScore, string Lesson, string Implementation, long Seed, IReadOnlyList<TestEntry> Tests);

    private sealed record TestEntry(string Name, string Status, string Outcome, int Score, int MaxScore, string? Message, string? Output,
        int? TaskId, double ExecutionTime, string? Hint);
}
