using NetCourse.Grader.Building;
using NetCourse.Grader.Course;
using NetCourse.Grader.Progress;
using NetCourse.Grader.Reporting;
using NetCourse.Grader.Running;
using NetCourse.Grading.Protocol;

namespace NetCourse.Grader.Checking;

/// <summary>
/// The course self-check: proves every lesson's tests are worth trusting (the solution passes
/// them all, the untouched stub fails them all, every mutant is caught, every alternative — another
/// correct design the README allows — passes them all, the stub and solution have one public API), then runs the harness's and grader's own tests and the notebooks.
/// </summary>
/// <param name="updateFingerprints">rewrite each lesson's untouched-stub.json instead of failing when it is out of date.</param>
public sealed class CourseCheck(LessonCatalog catalog, TextWriter output, Styler style, bool updateFingerprints = false)
{
    private readonly LessonGrader _grader = new(catalog.RepoRoot);
    private readonly LessonBuilder _builder = new(catalog.RepoRoot);

    /// <summary>
    /// How often a mutant that survived is run again (each time with the next seed) before it is
    /// declared alive: a race-prone mistake may slip past one lucky interleaving, and a mutant that
    /// needs a rerun to die is reported as such, so a weak test cannot hide behind a lucky kill.
    /// </summary>
    public const int MutantReruns = 2;

    /// <summary>How many correct designs other than the solution's every lesson ships (solutions/&lt;slug&gt;/alternatives).</summary>
    public const int MinimumAlternatives = 2;

    private readonly PhaseTimes _phases = new();

    public async Task<int> RunAsync(IReadOnlyList<Lesson> lessons, bool includeCourseTests, long seed)
    {
        var tally = new CheckTally(output, style);
        foreach (var lesson in lessons) await CheckLessonAsync(lesson, tally, seed);
        if (includeCourseTests)
        {
            foreach (var project in CourseTestProjects())
                await _phases.Time("course tests", () => CheckCourseTestsAsync(project, tally, seed));
            await _phases.Time("notebooks", () => NotebookCheck.RunAsync(catalog.RepoRoot, tally));
        }
        output.WriteLine(_phases.Summary());
        tally.WriteSummary();
        return tally.Failed == 0 ? 0 : 1;
    }

    private async Task CheckLessonAsync(Lesson lesson, CheckTally tally, long seed)
    {
        tally.Section(lesson.Slug);
        ConventionsCheck.Record(lesson, tally);
        // The tests are compiled once, against the solution; the stub, every mutant and every
        // alternative run under that same tests assembly when their binding surface (the API the
        // tests were compiled against, constants and attributes included) is the solution's.
        var solutionBuild = await _phases.Time("builds", () => _builder.BuildAsync(lesson, Implementation.Solution));
        var reference = _builder.BaselineReference(lesson, Implementation.Solution);
        if (reference is not null)
            await _phases.Time("builds", () => _builder.PrebuildAsync(lesson,
                [Implementation.Stub, .. lesson.MutantNames.Select(Implementation.Mutant), .. lesson.AlternativeNames.Select(Implementation.Alternative)]));
        var stubBuild = await _phases.Time("builds", () => BuildAsync(lesson, Implementation.Stub, solutionBuild, reference));
        var solution = await _phases.Time("solution runs", () => _grader.RunAsync(lesson, Implementation.Solution, solutionBuild, seed));
        var stub = await _phases.Time("stub runs", () => _grader.RunAsync(lesson, Implementation.Stub, stubBuild, seed));
        if (!solution.Compiled || !stub.Compiled)
        {
            tally.Record(solution.Compiled, "the solution compiles", solution.Build.Errors);
            tally.Record(stub.Compiled, "the stub compiles", stub.Build.Errors);
            return;
        }

        if (solution.Build.ImplementationAssemblyPath is { } solutionAssembly && stub.Build.ImplementationAssemblyPath is { } stubAssembly)
        {
            var api = ApiSurface.Differences(ApiSurface.Describe(solutionAssembly), ApiSurface.Describe(stubAssembly));
            tally.Record(api.Count == 0, "the stub's public API equals the solution's",
                ["lines the stub lacks (-) or adds (+):", .. api]);
        }
        else
            tally.Record(false, "the stub's public API equals the solution's",
                ["MSBuild did not name the implementation's assembly of the solution or the stub, so there is nothing to compare"]);

        var notPassing = solution.Tests.Where(t => !t.Passed).ToList();
        tally.Record(solution.Tests.Count > 0 && notPassing.Count == 0, $"the solution passes all {solution.Tests.Count} tests",
            notPassing.Select(t => $"{t.Outcome?.Text() ?? "not-run"}: {t.Fixture} › {t.Name}: {FirstLine(t.Message)}"));

        var passingOnStub = stub.Tests.Where(t => t.Passed).ToList();
        tally.Record(passingOnStub.Count == 0, $"the stub fails all {stub.Tests.Count} tests",
            passingOnStub.Select(t => $"passes on the untouched stub, so it tests nothing: {t.Fixture} › {t.Name}"));

        CheckUntouchedStub(lesson, stub, tally);

        var mutants = lesson.MutantNames;
        tally.Record(mutants.Count >= 3, $"the lesson has at least three mutants ({mutants.Count})");
        foreach (var mutant in mutants) await CheckMutantAsync(lesson, mutant, tally, seed, solutionBuild, reference);
        var alternatives = lesson.AlternativeNames;
        tally.Record(alternatives.Count >= MinimumAlternatives, $"the lesson has at least {MinimumAlternatives} alternatives ({alternatives.Count})",
            [$"add correct designs the README allows under solutions/{lesson.Slug}/alternatives/NAME/{Lesson.AlternativeFileName}"]);
        foreach (var alternative in alternatives) await CheckAlternativeAsync(lesson, alternative, tally, seed, solutionBuild, reference);
    }

    /// <summary>The overview shows a lesson whose src/ matches untouched-stub.json as "not started" without
    /// building it: the file must describe this stub, its test count and its points.</summary>
    private void CheckUntouchedStub(Lesson lesson, LessonRun stub, CheckTally tally)
    {
        var expected = new UntouchedStub(UntouchedStub.SourcesHashOf(lesson), stub.Tests.Count, stub.PointsPossible);
        var relative = Path.GetRelativePath(catalog.RepoRoot, UntouchedStub.PathOf(lesson));
        if (updateFingerprints && UntouchedStub.Read(lesson) != expected) expected.Write(lesson);
        tally.Record(UntouchedStub.Read(lesson) == expected, $"{relative} describes the stub",
            [$"the overview would show the wrong thing for an untouched {lesson.Id}: run ./grade.sh --check {lesson.Id} --update, or write this into {relative}:",
             .. expected.Render().TrimEnd().Split('\n')]);
    }

    private Task<BuildResult> BuildAsync(Lesson lesson, Implementation implementation, BuildResult solution, string? reference) =>
        reference is null ? _builder.BuildAsync(lesson, implementation) : _builder.BuildAgainstAsync(lesson, implementation, solution, reference);

    private async Task CheckAlternativeAsync(Lesson lesson, string alternative, CheckTally tally, long seed, BuildResult solution, string? reference)
    {
        var label = $"alternative {alternative} passes every test";
        var implementation = Implementation.Alternative(alternative);
        LessonRun run;
        try
        {
            var build = await _phases.Time("builds", () => BuildAsync(lesson, implementation, solution, reference));
            run = await _phases.Time("alternative runs", () => _grader.RunAsync(lesson, implementation, build, seed));
        }
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
             .. rejected.Select(t => $"{t.Outcome?.Text() ?? "not-run"}: {t.Fixture} › {t.Name}: {FirstLine(t.Message)}")]);
    }

    private async Task CheckMutantAsync(Lesson lesson, string mutant, CheckTally tally, long seed, BuildResult solution, string? reference)
    {
        var implementation = Implementation.Mutant(mutant);
        BuildResult build;
        LessonRun run;
        try
        {
            build = await _phases.Time("builds", () => BuildAsync(lesson, implementation, solution, reference));
            run = await _phases.Time("mutant runs", () => _grader.RunAsync(lesson, implementation, build, seed, stopOnFailure: true));
        }
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
        {
            var rerun = await _phases.Time("mutant runs", () => _grader.RunAsync(lesson, implementation, build, seed + runs, stopOnFailure: true));
            killer = Killer(rerun);
        }
        var rerunNote = runs == 1 ? "" : $" (on run {runs} of {1 + MutantReruns}: a test that only sometimes catches it is weak)";
        tally.Record(killer is not null,
            killer is null ? $"mutant {mutant} is killed" : $"mutant {mutant} is killed by \"{killer.Name}\"{rerunNote}",
            [$"every test passed against this mutant in each of {runs} runs: add a test that catches its mistake"]);
    }

    private static TestVerdict? Killer(LessonRun run) =>
        run.Tests.FirstOrDefault(t => t.Failed);

    private async Task CheckCourseTestsAsync(string project, CheckTally tally, long seed)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        tally.Section(name);
        var (exitCode, buildOutput, assembly) = await _builder.BuildAndLocateAsync(project);
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
        foreach (var test in tests.Where(t => !t.Passed && t.Outcome != TestOutcome.Skipped))
            tally.Record(false, $"{test.Fixture} › {test.Name}", [$"{test.Outcome?.Text() ?? "not-run"}: {test.Message}"]);
    }

    private IEnumerable<string> CourseTestProjects() =>
        Directory.EnumerateDirectories(Path.Combine(catalog.RepoRoot, "harness"), "*.Tests")
            .SelectMany(d => Directory.EnumerateFiles(d, "*.csproj"))
            .Order(StringComparer.Ordinal);

    private static string FirstLine(string? text) => text?.ReplaceLineEndings("\n").Split('\n')[0] ?? "";
}
