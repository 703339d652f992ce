using NetCourse.Grader.Running;

namespace NetCourse.Grader.Reporting;

/// <summary>One row per lesson: how far the learner has come.</summary>
public static class ProgressReport
{
    public static void Write(IReadOnlyList<LessonRun> runs, TextWriter output, Styler style, string shim)
    {
        output.WriteLine(style.Bold("NetCourse — your progress"));
        output.WriteLine();
        var titleWidth = runs.Max(r => r.Lesson.Title.Length);
        foreach (var run in runs)
        {
            var title = run.Lesson.Title.PadRight(titleWidth);
            var status = !run.Compiled ? style.Red("does not compile")
                : $"{run.PassedCount,3}/{run.Tests.Count,-3} tests  {run.PointsEarned,3}/{run.PointsPossible,-3} points";
            var mark = run.AllPassed ? style.Green("done") : run.PassedCount > 0 ? style.Yellow("open") : style.Dim("todo");
            output.WriteLine($"  {mark}  {run.Lesson.Id}  {title}  {status}");
        }
        output.WriteLine();
        var earned = runs.Sum(r => r.PointsEarned);
        var possible = runs.Sum(r => r.PointsPossible);
        output.WriteLine($"{runs.Count(r => r.AllPassed)} of {runs.Count} lessons done · {earned} of {possible} points");
        var next = runs.FirstOrDefault(r => !r.AllPassed);
        if (next is not null) output.WriteLine($"Next: {shim} {next.Lesson.Id}");
    }
}
