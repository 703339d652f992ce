using NetCourse.Grader.Running;
using NetCourse.Harness.Grading;

namespace NetCourse.Grader.Reporting;

/// <summary>The table GitHub Actions shows on a run's summary page ($GITHUB_STEP_SUMMARY).</summary>
public static class MarkdownSummary
{
    public const string EnvironmentVariable = "GITHUB_STEP_SUMMARY";

    public static string Render(LessonRun run)
    {
        var lines = new List<string>
        {
            $"### {run.Lesson.Title} — {run.PointsEarned}/{run.PointsPossible} points",
            "",
        };
        if (!run.Compiled)
        {
            lines.Add("The code does not compile:");
            lines.Add("```");
            lines.AddRange(run.Build.Errors);
            lines.Add("```");
            return string.Join('\n', lines) + "\n";
        }
        lines.Add("| | Test | Points | Details |");
        lines.Add("|---|---|---|---|");
        foreach (var t in run.Tests)
        {
            var mark = t.Passed ? "✅" : t.Outcome == TestOutcomes.NotStarted ? "⬜" : "❌";
            var details = t.Passed ? "" : Cell(JsonReport.Message(t)?.Split('\n')[0] ?? "") + (t.Hint is null ? "" : $"<br>*hint:* {Cell(t.Hint)}");
            lines.Add($"| {mark} | {Cell(t.Fixture)} › {Cell(t.Name)} | {t.PointsEarned}/{t.Points} | {details} |");
        }
        lines.Add("");
        lines.Add($"**{run.PassedCount} of {run.Tests.Count} tests pass** (seed {run.Seed})");
        return string.Join('\n', lines) + "\n";
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ").Replace("\r", "");
}
