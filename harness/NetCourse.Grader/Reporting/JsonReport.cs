using System.Text.Json;
using System.Text.Json.Serialization;
using NetCourse.Grader.Running;
using NetCourse.Grading.Protocol;

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
            Status: run.Error is not null || !run.Compiled ? "error" : run.AllPassed ? "pass" : "fail",
            Message: run.Error is not null ? run.Error
                : !run.Compiled ? "The code does not compile:\n" + string.Join('\n', run.Build.Errors)
                : $"{run.PassedCount} of {run.Tests.Count} tests pass",
            Score: run.PointsEarned,
            MaxScore: run.PointsPossible,
            Lesson: run.Lesson.Id,
            Implementation: run.Implementation.Pivot,
            Seed: run.Seed,
            Sandboxed: run.Sandboxed,
            Tampered: run.Problems.Select(p => new TamperedEntry(p.Path, p.Reason, p.Rejects)).ToList(),
            Tests: run.Tests.Select(t => new TestEntry(
                Name: $"{t.Fixture} › {t.Name}",
                Status: t.Passed && run.Error is null ? "passed" : "failed",
                Outcome: t.Outcome?.Text() ?? "not-run",
                Score: run.Error is null ? t.PointsEarned : 0,
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
        TestOutcome.Passed => null,
        TestOutcome.NotStarted => $"not started: {test.NotStarted}",
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

    /// <param name="Tampered">what trusted grading did not take from the submission (see docs/instructors.md):
    /// always present, empty for a clean submission; an entry with <c>rejected</c> made the grade an error.</param>
    private sealed record Report(string Status, string Message, int Score, int MaxScore, string Lesson, string Implementation, long Seed,
        bool Sandboxed, IReadOnlyList<TamperedEntry> Tampered, IReadOnlyList<TestEntry> Tests);

    private sealed record TamperedEntry(string Path, string Reason, bool Rejected);

    private sealed record TestEntry(string Name, string Status, string Outcome, int Score, int MaxScore, string? Message, string? Output,
        int? TaskId, double ExecutionTime, string? Hint);
}
