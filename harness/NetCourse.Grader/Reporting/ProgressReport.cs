using NetCourse.Grader.Course;
using NetCourse.Grader.Progress;

namespace NetCourse.Grader.Reporting;

/// <summary>One row per lesson: how far the learner has come. Rows are written as they are known, so a
/// long first overview shows its progress instead of silence.</summary>
public sealed class ProgressReport(IReadOnlyList<Lesson> lessons, TextWriter output, Styler style, string shim)
{
    private readonly int _titleWidth = lessons.Max(l => l.Title.Length);
    private readonly List<LessonProgress> _rows = [];

    public void WriteHeader()
    {
        output.WriteLine(style.Bold("NetCourse — your progress"));
        output.WriteLine();
    }

    public void WriteRow(LessonProgress row)
    {
        _rows.Add(row);
        var title = row.Lesson.Title.PadRight(_titleWidth);
        var status = !row.Compiled ? style.Red("does not compile")
            : $"{row.Passed,3}/{row.Tests,-3} tests  {row.PointsEarned,3}/{row.PointsPossible,-3} points";
        var mark = row.AllPassed ? style.Green("done") : row.Passed > 0 ? style.Yellow("open") : style.Dim("todo");
        var source = row.Source switch
        {
            ProgressSource.Remembered => style.Dim("  (unchanged since its last grade)"),
            ProgressSource.Untouched => style.Dim("  (not started)"),
            _ => "",
        };
        output.WriteLine($"  {mark}  {row.Lesson.Id}  {title}  {status}{source}");
        output.Flush();
    }

    public void WriteFooter()
    {
        output.WriteLine();
        output.WriteLine($"{_rows.Count(r => r.AllPassed)} of {_rows.Count} lessons done · {_rows.Sum(r => r.PointsEarned)} of {_rows.Sum(r => r.PointsPossible)} points");
        if (_rows.FirstOrDefault(r => !r.AllPassed) is { } next) output.WriteLine($"Next: {shim} {next.Lesson.Id}");
        if (_rows.Any(r => r.Source == ProgressSource.Remembered))
            output.WriteLine(style.Dim($"Lessons whose code, tests and grader did not change are not graded again ({shim} --fresh grades them all)."));
    }
}
