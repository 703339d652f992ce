using NetCourse.Grader.Building;
using NetCourse.Grader.Course;
using NetCourse.Grader.Running;

namespace NetCourse.Grader.Trust;

/// <summary>
/// Grades a submission so that it cannot forge its grade. In order: stage only its source files
/// beside the trusted tests (<see cref="SubmissionWorkspace"/>); refuse without the sandbox; restore
/// (trusted project files only, outside the sandbox: it may need the package source); then, in the
/// sandbox, build the learner's project alone (with the API gate), then the harness and the test host, check every
/// trusted file by hash, build the trusted tests against the learner's assembly without rebuilding
/// it, check again, and run the tests there with the signed event channel. Any step that fails
/// makes the whole grade an error with no points, never a weaker grade.
/// </summary>
public sealed class TrustedGrader(string trustedRoot)
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Set to 1 where trusted grading must be possible (CI): a test that needs the sandbox fails instead of skipping.</summary>
    public const string RequireSandboxVariable = "NETCOURSE_REQUIRE_SANDBOX";

    public async Task<LessonRun> GradeAsync(Lesson lesson, string submissionRoot, long seed, IReadOnlyList<string> only, TextWriter progress)
    {
        using var workspace = SubmissionWorkspace.Stage(lesson, trustedRoot, submissionRoot);
        var staged = LessonCatalog.Load(workspace.Root).Find(lesson.Id)!;
        // Until the tests are built there is no tests assembly (MSBuild names it when it builds one).
        LessonRun Failed(string error, BuildResult? build = null) =>
            new(staged, Implementation.Stub, seed, build ?? new BuildResult(true, [], ""), []) { Error = error, Problems = workspace.Problems };

        var (sandbox, unavailable) = await ProcessSandbox.TryCreateAsync(workspace.Root);
        if (sandbox is null)
            return Failed($"trusted grading refuses to run without its sandbox, so nothing was graded: {unavailable}");
        if (workspace.Rejected)
            return Failed("the submission was not graded: " + string.Join("; ", workspace.Problems.Where(p => p.Rejects).Select(p => $"{p.Path} {p.Reason}")));

        var (restored, restoreOutput) = await ChildProcess.RunAsync("dotnet",
            ["restore", staged.TestsProject, "-nologo", "-v:q", "-nodeReuse:false"], workspace.Root, RestoreTimeout);
        if (restored != 0) return Failed("the course's packages could not be restored:\n" + restoreOutput.Trim());
        sandbox.PrepareStagedRoot();

        var builder = new LessonBuilder(workspace.Root, sandbox);
        progress.WriteLine("grade: building the submission alone (sandboxed, with the API gate)");
        var learnerProject = Directory.EnumerateFiles(staged.SourceDirectory, "*.csproj").Single();
        var (learnerExit, learnerOutput) = await builder.BuildProjectAsync(learnerProject);
        if (learnerExit != 0)
            return new LessonRun(staged, Implementation.Stub, seed, new BuildResult(false, builder.Diagnostics(learnerOutput), ""), [])
                { Problems = workspace.Problems, Sandboxed = true };

        // The test host references the other harness projects (the protocol, the fault-injection harness): one build makes all three.
        var harness = Path.Combine(workspace.Root, "harness", "NetCourse.TestHost", "NetCourse.TestHost.csproj");
        progress.WriteLine("grade: building the harness and the test host (sandboxed)");
        var (harnessExit, harnessOutput) = await builder.BuildProjectAsync(harness);
        if (harnessExit != 0) return Failed("the course's harness does not build in the sandbox:\n" + string.Join('\n', builder.Diagnostics(harnessOutput)));

        if (workspace.Manifest.Changed(workspace.Root) is { Count: > 0 } beforeTests)
            return Failed("trusted files changed while the submission was built: " + string.Join(", ", beforeTests));
        progress.WriteLine("grade: building the trusted tests against it (sandboxed)");
        var (testsExit, testsOutput, testsAssembly) = await builder.BuildAndLocateAsync(staged.TestsProject,
            [.. Implementation.Stub.MSBuildProperties, "-p:BuildProjectReferences=false", "-p:NetCourseTrustedGrading=true"]);
        // The path is MSBuild's answer on the build's output; a tests assembly anywhere but the staged course's .build/ is not the one the trusted build made.
        var inBuildRoot = testsAssembly is not null
            && Path.GetFullPath(testsAssembly).StartsWith(Path.GetFullPath(builder.BuildRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (testsExit == 0 && !inBuildRoot)
            return Failed($"the trusted build did not say where it put the tests assembly under {builder.BuildRoot} (it said '{testsAssembly}')");
        var build = new BuildResult(testsExit == 0 && File.Exists(testsAssembly), testsExit == 0 ? [] : builder.Diagnostics(testsOutput), testsAssembly ?? "");
        if (!build.Succeeded)
            return new LessonRun(staged, Implementation.Stub, seed, build, []) { Problems = workspace.Problems, Sandboxed = true };
        if (workspace.Manifest.Changed(workspace.Root) is { Count: > 0 } beforeRun)
            return Failed("trusted files changed before the tests ran: " + string.Join(", ", beforeRun), build);

        progress.WriteLine("grade: running the tests (sandboxed)");
        var result = await new TestProcessRunner().RunAsync(build.TestAssemblyPath, new RunOptions(seed, Only: only, Sandbox: sandbox));
        return new LessonRun(staged, Implementation.Stub, seed, build, result.Tests)
            { Error = LessonGrader.TamperedError(result), Problems = workspace.Problems, Sandboxed = true };
    }
}
