using NetCourse.Grader.Running;
using NetCourse.Grading.Protocol;

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
        if (run.Error is not null)
        {
            lines.Add($"> [!CAUTION]\n> **Not graded: {Cell(run.Error)}**");
            lines.Add("");
        }
        if (run.Problems.Count > 0)
        {
            lines.Add("**The submission carried files that were not used** (tampered):");
            lines.Add("");
            lines.Add("| File | Why |");
            lines.Add("|---|---|");
            foreach (var p in run.Problems.Take(50)) lines.Add($"| `{Cell(p.Path)}` | {Cell(p.Reason)} |");
            lines.Add("");
        }
        if (run.Error is not null) return string.Join('\n', lines) + "\n";
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
            var mark = t.Passed ? "✅" : t.Outcome == TestOutcome.NotStarted ? "⬜" : "❌";
            var details = t.Passed ? "" : Cell(JsonReport.Message(t)?.Split('\n')[0] ?? "") + (t.Hint is null ? "" : $"<br>*hint:* {Cell(t.Hint)}");
            lines.Add($"| {mark} | {Cell(t.Fixture)} › {Cell(t.Name)} | {t.PointsEarned}/{t.Points} | {details} |");
        }
        lines.Add("");
        lines.Add($"**{run.PassedCount} of {run.Tests.Count} tests pass** (seed {run.Seed})");
        return string.Join('\n', lines) + "\n";
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ").Replace("\r", "");
}
