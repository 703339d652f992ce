using NetCourse.Grader.Building;
using NetCourse.Grader.Course;

namespace NetCourse.Grader.Running;

/// <summary>Everything one grading of one lesson produced.</summary>
public sealed record LessonRun(Lesson Lesson, Implementation Implementation, long Seed, BuildResult Build, IReadOnlyList<TestVerdict> Tests)
{
    public bool Compiled => Build.Succeeded;
    public int PassedCount => Tests.Count(t => t.Passed);
    public int PointsEarned => Tests.Sum(t => t.PointsEarned);
    public int PointsPossible => Tests.Sum(t => t.Points);
    public bool AllPassed => Compiled && Tests.Count > 0 && Tests.All(t => t.Passed);
}

/// <summary>Builds a lesson against an implementation and runs its tests.</summary>
public sealed class LessonGrader(string repoRoot)
{
    private readonly LessonBuilder _builder = new(repoRoot);
    private readonly TestProcessRunner _runner = new();

    public async Task<LessonRun> GradeAsync(Lesson lesson, Implementation implementation, long seed, bool stopOnFailure = false,
        IReadOnlyList<string>? only = null, CancellationToken cancellation = default)
    {
        var build = await _builder.BuildAsync(lesson, implementation);
        if (!build.Succeeded) return new LessonRun(lesson, implementation, seed, build, []);
        var tests = await _runner.RunAsync(build.TestAssemblyPath, new RunOptions(seed, stopOnFailure, only), cancellation);
        return new LessonRun(lesson, implementation, seed, build, tests);
    }
}
