using NetCourse.Grader.Building;
using NetCourse.Grader.Course;
using NetCourse.Grader.Reporting;
using NetCourse.Grader.Running;
using NetCourse.Harness.Grading;

namespace NetCourse.Grader.Checking;

/// <summary>
/// The course self-check: proves every lesson's tests are worth trusting (the solution passes
/// them all, the untouched stub fails them all, every mutant is caught, every alternative — another
/// correct design the README allows — passes them all, the stub and solution have one public API), then runs the harness's and grader's own tests and the notebooks.
/// </summary>
public sealed class CourseCheck(LessonCatalog catalog, TextWriter output, Styler style)
{
    private readonly LessonGrader _grader = new(catalog.RepoRoot);
    private readonly LessonBuilder _builder = new(catalog.RepoRoot);

    /// <summary>
    /// How often a mutant that survived is run again (each time with the next seed) before it is
    /// declared alive: a race-prone mistake may slip past one lucky interleaving, and a mutant that
    /// needs a rerun to die is reported as such, so a weak test cannot hide behind a lucky kill.
    /// </summary>
    public const int MutantReruns = 2;

    public async Task<int> RunAsync(IReadOnlyList<Lesson> lessons, bool includeCourseTests, long seed)
    {
        var tally = new CheckTally(output, style);
        foreach (var lesson in lessons) await CheckLessonAsync(lesson, tally, seed);
        if (includeCourseTests)
        {
            foreach (var project in CourseTestProjects()) await CheckCourseTestsAsync(project, tally, seed);
            await NotebookCheck.RunAsync(catalog.RepoRoot, tally);
        }
        tally.WriteSummary();
        return tally.Failed == 0 ? 0 : 1;
    }

    private async Task CheckLessonAsync(Lesson lesson, CheckTally tally, long seed)
    {
        tally.Section(lesson.Slug);
        var solution = await _grader.GradeAsync(lesson, Implementation.Solution, seed);
        var stub = await _grader.GradeAsync(lesson, Implementation.Stub, seed);
        if (!solution.Compiled || !stub.Compiled)
        {
            tally.Record(solution.Compiled, "the solution compiles", solution.Build.Errors);
            tally.Record(stub.Compiled, "the stub compiles", stub.Build.Errors);
            return;
        }

        var api = ApiSurface.Differences(
            ApiSurface.Describe(ImplementationAssembly(solution)), ApiSurface.Describe(ImplementationAssembly(stub)));
        tally.Record(api.Count == 0, "the stub's public API equals the solution's",
            ["lines the stub lacks (-) or adds (+):", .. api]);

        var notPassing = solution.Tests.Where(t => !t.Passed).ToList();
        tally.Record(solution.Tests.Count > 0 && notPassing.Count == 0, $"the solution passes all {solution.Tests.Count} tests",
            notPassing.Select(t => $"{t.Outcome}: {t.Fixture} › {t.Name}: {FirstLine(t.Message)}"));

        var passingOnStub = stub.Tests.Where(t => t.Passed).ToList();
        tally.Record(passingOnStub.Count == 0, $"the stub fails all {stub.Tests.Count} tests",
            passingOnStub.Select(t => $"passes on the untouched stub, so it tests nothing: {t.Fixture} › {t.Name}"));

        var mutants = lesson.MutantNames;
        tally.Record(mutants.Count >= 3, $"the lesson has at least three mutants ({mutants.Count})");
        foreach (var mutant in mutants) await CheckMutantAsync(lesson, mutant, tally, seed);
        foreach (var alternative in lesson.AlternativeNames) await CheckAlternativeAsync(lesson, alternative, tally, seed);
    }

    private async Task CheckAlternativeAsync(Lesson lesson, string alternative, CheckTally tally, long seed)
    {
        var label = $"alternative {alternative} passes every test";
        LessonRun run;
        try { run = await _grader.GradeAsync(lesson, Implementation.Alternative(alternative), seed); }
        catch (GraderException e)
        {
            tally.Record(false, label, [e.Message]);
            return;
        }
        if (!run.Compiled)
        {
            tally.Record(false, label, ["the alternative does not compile:", .. run.Build.Errors]);
            return;
        }
        var rejected = run.Tests.Where(t => !t.Passed).ToList();
        tally.Record(run.Tests.Count > 0 && rejected.Count == 0, label,
            ["a correct design fails these tests: they demand more than the README says (fix the test, or write the rule in the README)",
             .. rejected.Select(t => $"{t.Outcome}: {t.Fixture} › {t.Name}: {FirstLine(t.Message)}")]);
    }

    private async Task CheckMutantAsync(Lesson lesson, string mutant, CheckTally tally, long seed)
    {
        LessonRun run;
        try { run = await _grader.GradeAsync(lesson, Implementation.Mutant(mutant), seed, stopOnFailure: true); }
        catch (GraderException e)
        {
            tally.Record(false, $"mutant {mutant} is killed", [e.Message]);
            return;
        }
        if (!run.Compiled)
        {
            tally.Record(false, $"mutant {mutant} is killed", ["the mutant does not compile:", .. run.Build.Errors]);
            return;
        }
        var killer = Killer(run);
        var runs = 1;
        for (; killer is null && runs <= MutantReruns; runs++)
            killer = Killer(await _grader.GradeAsync(lesson, Implementation.Mutant(mutant), seed + runs, stopOnFailure: true));
        var rerunNote = runs == 1 ? "" : $" (on run {runs} of {1 + MutantReruns}: a test that only sometimes catches it is weak)";
        tally.Record(killer is not null,
            killer is null ? $"mutant {mutant} is killed" : $"mutant {mutant} is killed by \"{killer.Name}\"{rerunNote}",
            [$"every test passed against this mutant in each of {runs} runs: add a test that catches its mistake"]);
    }

    private static TestVerdict? Killer(LessonRun run) =>
        run.Tests.FirstOrDefault(t => t.Finished && !t.Passed && t.Outcome != TestOutcomes.Skipped);

    private async Task CheckCourseTestsAsync(string project, CheckTally tally, long seed)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        tally.Section(name);
        var (exitCode, buildOutput) = await _builder.BuildProjectAsync(project);
        var assembly = _builder.OutputAssembly(project);
        if (exitCode != 0 || !File.Exists(assembly))
        {
            tally.Record(false, $"{name} builds", _builder.Diagnostics(buildOutput));
            return;
        }
        var result = await new TestProcessRunner().RunAsync(assembly, new RunOptions(seed));
        if (result.Violation is { } violation) tally.Record(false, $"{name}'s event stream keeps the protocol", [violation]);
        var tests = result.Tests;
        var passed = tests.Count(t => t.Passed);
        tally.Record(passed > 0, $"{passed} tests pass", ["the project ran no passing test"]);
        // Every other passing test counts too, without a line each: the harness has hundreds.
        tally.CountPasses(Math.Max(0, passed - 1));
        foreach (var test in tests.Where(t => !t.Passed && t.Outcome != TestOutcomes.Skipped))
            tally.Record(false, $"{test.Fixture} › {test.Name}", [$"{test.Outcome}: {test.Message}"]);
    }

    private IEnumerable<string> CourseTestProjects() =>
        Directory.EnumerateDirectories(Path.Combine(catalog.RepoRoot, "harness"), "*.Tests")
            .SelectMany(d => Directory.EnumerateFiles(d, "*.csproj"))
            .Order(StringComparer.Ordinal);

    private static string ImplementationAssembly(LessonRun run)
    {
        // The implementation's assembly is copied beside the test assembly; the tests' name minus ".Tests".
        var testAssembly = run.Build.TestAssemblyPath;
        var name = Path.GetFileNameWithoutExtension(testAssembly);
        return Path.Combine(Path.GetDirectoryName(testAssembly)!, (name.EndsWith(".Tests") ? name[..^6] : name) + ".dll");
    }

    private static string FirstLine(string? text) => text?.ReplaceLineEndings("\n").Split('\n')[0] ?? "";
}
