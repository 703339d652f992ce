using NetCourse.Grader.Course;
using NetCourse.Grader.Running;

namespace NetCourse.Grader.Progress;

/// <summary>Where a lesson's row in the overview came from.</summary>
public enum ProgressSource { Graded, Remembered, Untouched }

/// <summary>One lesson's row in the progress overview: graded now, remembered from an earlier grade, or the untouched stub.</summary>
public sealed record LessonProgress(Lesson Lesson, ProgressSource Source, bool Compiled, int Passed, int Tests, int PointsEarned, int PointsPossible)
{
    public bool AllPassed => Compiled && Tests > 0 && Passed == Tests;

    public static LessonProgress From(LessonRun run, ProgressSource source = ProgressSource.Graded) =>
        new(run.Lesson, source, run.Compiled && run.Error is null, run.PassedCount, run.Tests.Count, run.PointsEarned, run.PointsPossible);

    public static LessonProgress Untouched(Lesson lesson, UntouchedStub stub) =>
        new(lesson, ProgressSource.Untouched, true, 0, stub.Tests, 0, stub.Points);
}
