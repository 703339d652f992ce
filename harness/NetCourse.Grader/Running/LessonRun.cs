using NetCourse.Grader.Building;
using NetCourse.Grader.Course;
using NetCourse.Grader.Trust;

namespace NetCourse.Grader.Running;

/// <summary>Everything one grading of one lesson produced.</summary>
public sealed record LessonRun(Lesson Lesson, Implementation Implementation, long Seed, BuildResult Build, IReadOnlyList<TestVerdict> Tests)
{
    /// <summary>Why this run earns nothing whatever its tests say (trusted grading: no sandbox, a rejected
    /// submission, a test process that broke the event protocol, trusted files changed during the build).</summary>
    public string? Error { get; init; }

    /// <summary>What trusted grading did not take from the submission, and why.</summary>
    public IReadOnlyList<SubmissionProblem> Problems { get; init; } = [];

    /// <summary>Whether the builds and the test process ran in the sandbox (trusted grading).</summary>
    public bool Sandboxed { get; init; }

    public bool Compiled => Build.Succeeded;
    public int PassedCount => Error is null ? Tests.Count(t => t.Passed) : 0;
    public int PointsEarned => Error is null ? Tests.Sum(t => t.PointsEarned) : 0;
    public int PointsPossible => Tests.Sum(t => t.Points);
    public bool AllPassed => Error is null && Compiled && Tests.Count > 0 && Tests.All(t => t.Passed);
}

/// <summary>Builds a lesson against an implementation and runs its tests.</summary>
public sealed class LessonGrader(string repoRoot)
{
    private readonly LessonBuilder _builder = new(repoRoot);
    private readonly TestProcessRunner _runner = new();

    public async Task<LessonRun> GradeAsync(Lesson lesson, Implementation implementation, long seed, bool stopOnFailure = false,
        IReadOnlyList<string>? only = null, CancellationToken cancellation = default) =>
        await RunAsync(lesson, implementation, await _builder.BuildAsync(lesson, implementation), seed, stopOnFailure, only, cancellation);

    /// <summary>Runs the tests of a build already made (the self-check builds once and runs several times).</summary>
    public async Task<LessonRun> RunAsync(Lesson lesson, Implementation implementation, BuildResult build, long seed, bool stopOnFailure = false,
        IReadOnlyList<string>? only = null, CancellationToken cancellation = default)
    {
        if (!build.Succeeded) return new LessonRun(lesson, implementation, seed, build, []);
        var result = await _runner.RunAsync(build.TestAssemblyPath, new RunOptions(seed, stopOnFailure, only), cancellation);
        return new LessonRun(lesson, implementation, seed, build, result.Tests) { Error = TamperedError(result) };
    }

    /// <summary>The run-level error of a test process whose event stream broke the protocol.</summary>
    public static string? TamperedError(TestRunResult result) =>
        result.Violation is { } violation ? $"the test process broke the grading protocol, so no verdict of this run counts: {violation}" : null;
}
