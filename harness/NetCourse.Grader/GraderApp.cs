using NetCourse.Grader.Checking;
using NetCourse.Grader.Cli;
using NetCourse.Grader.Course;
using NetCourse.Grader.Progress;
using NetCourse.Grader.Reporting;
using NetCourse.Grader.Running;
using NetCourse.Grader.Trust;

namespace NetCourse.Grader;

/// <summary>The grader's commands. Exit codes: 0 all good, 1 something failed, 2 the command line or the input was wrong.</summary>
public sealed class GraderApp(TextWriter output, TextWriter error, string? repoRoot = null)
{
    /// <summary>How the learner started us (grade.sh or grade.ps1), for the commands we suggest.</summary>
    private static string Shim => Environment.GetEnvironmentVariable("NETCOURSE_SHIM") is { Length: > 0 } shim ? shim : "./grade.sh";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellation = default)
    {
        var root = RepoLocator.Find(repoRoot);
        LessonCatalog? catalog = root is null ? null : LessonCatalog.Load(root);
        try
        {
            if (catalog is null) throw new GraderException("this is not a NetCourse checkout (no NetCourse.sln found above the current folder).", 2);
            var options = GraderOptions.Parse(args);
            var style = Styler.For(output);
            var seed = options.Seed ?? Random.Shared.NextInt64(1, 1_000_000_000);
            return options.Mode switch
            {
                GraderMode.Help => Help(catalog),
                GraderMode.Lesson when options.Watch => await WatchAsync(catalog, Find(catalog, options.Lessons[0]), seed, style, cancellation),
                GraderMode.Lesson => await GradeLessonAsync(catalog, options, seed, style),
                GraderMode.Run => await new LessonProgramRunner(catalog, output, error, Shim)
                    .RunAsync(Find(catalog, options.Lessons[0]), options.Solution ? Implementation.Solution : Implementation.Stub, options.RunArguments ?? []),
                GraderMode.ExportLearner => await LearnerExport.ExportAsync(catalog.RepoRoot, options.ExportDirectory!, output),
                GraderMode.Progress => await ProgressAsync(catalog, options, seed, style),
                GraderMode.Check when !Directory.Exists(Path.Combine(catalog.RepoRoot, "solutions")) =>
                    throw new GraderException("this is a learner's copy: it has no solutions to check (--check is for the course's authors)."),
                GraderMode.Check => await new CourseCheck(catalog, output, style, options.Update)
                    .RunAsync(FindAll(catalog, options.Lessons), includeCourseTests: options.Lessons.Count == 0, seed),
                GraderMode.Notebooks => await NotebooksAsync(catalog.RepoRoot, options.Update),
                _ => throw new InvalidOperationException(),
            };
        }
        catch (GraderException e)
        {
            error.WriteLine($"grade: {e.Message}");
            if (e.ExitCode == 2 && catalog is not null) WriteLessonList(catalog, error);
            return e.ExitCode;
        }
    }

    /// <summary>A line on stderr for a person at a terminal, saying what a long silence will be.</summary>
    private void Notice(string text)
    {
        if (error == Console.Error && !Console.IsErrorRedirected) error.WriteLine($"grade: {text}");
    }

    private void NoticeFirstBuild(LessonCatalog catalog, Lesson lesson, Implementation implementation)
    {
        if (new Building.LessonBuilder(catalog.RepoRoot).NeverBuilt(lesson, implementation))
            Notice($"building {lesson.Id}'s tests against {implementation} for the first time (up to a minute; later grades compile only what you change)...");
    }

    private int Help(LessonCatalog catalog)
    {
        output.WriteLine(GraderOptions.Usage(Path.GetFileName(Shim)));
        WriteLessonList(catalog, output);
        return 0;
    }

    private async Task<int> GradeLessonAsync(LessonCatalog catalog, GraderOptions options, long seed, Styler style)
    {
        var lesson = Find(catalog, options.Lessons[0]);
        var implementation = options.Solution ? Implementation.Solution
            : options.Mutant is { } mutant ? Implementation.Mutant(mutant)
            : options.Alternative is { } alternative ? Implementation.Alternative(alternative)
            : Implementation.Stub;
        if (implementation.Kind != ImplementationKind.Stub && !Directory.Exists(lesson.SolutionDirectory))
            throw new GraderException("this copy of the course has no solutions (it is a learner's copy).");

        // A whole grade of the learner's own code is remembered for the overview.
        var remember = options.Submission is null && implementation.Kind == ImplementationKind.Stub && options.Only.Count == 0;
        var store = new ProgressStore(catalog.RepoRoot, error);
        var key = remember ? store.Key(lesson) : null;
        if (options.Submission is null) NoticeFirstBuild(catalog, lesson, implementation);
        var run = options.Submission is { } submission
            // Trusted grading: only the learner's source files come from the submission, and everything runs sandboxed.
            ? await new TrustedGrader(catalog.RepoRoot).GradeAsync(lesson, submission, seed, options.Only, error)
            : await new LessonGrader(lesson.RepoRoot).GradeAsync(lesson, implementation, seed, only: options.Only);
        if (key is not null && run.Error is null) store.Remember(run, key);
        if (run.Error is null && run.Compiled && run.Tests.Count == 0)
            throw new GraderException(options.Only.Count > 0 ? $"no test of {lesson.Id} matches --only {string.Join(" ", options.Only)}." : $"{lesson.Id} has no tests.");
        if (run.Error is not null) error.WriteLine($"grade: {run.Error}");
        if (run.Problems.Count > 0)
        {
            error.WriteLine("grade: the submission carried files that were not used:");
            foreach (var problem in run.Problems.Take(20)) error.WriteLine($"  {problem.Path}: {problem.Reason}");
        }
        await WriteReportAsync(run, options, style, $"{Shim} {lesson.Id}");
        // A submission that carried files it may not change never exits green, even with every test passing.
        return run.AllPassed && run.Problems.Count == 0 ? 0 : 1;
    }

    private async Task WriteReportAsync(LessonRun run, GraderOptions options, Styler style, string rerunCommand)
    {
        var text = options.Format switch
        {
            ReportFormat.Json => JsonReport.Render(run),
            ReportFormat.JUnit => JUnitReport.Render(run),
            _ => null,
        };
        if (options.OutputFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, text ?? Render(w => LessonReport.Write(run, w, Styler.Plain, rerunCommand)));
        }
        // The person (or CI log) always sees the readable report unless the machine format goes to stdout.
        if (text is null || options.OutputFile is not null) LessonReport.Write(run, output, style, rerunCommand);
        else output.Write(text);

        if (Environment.GetEnvironmentVariable(MarkdownSummary.EnvironmentVariable) is { Length: > 0 } summary)
            await File.AppendAllTextAsync(summary, MarkdownSummary.Render(run));
    }

    private static string Render(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString();
    }

    /// <summary>Grades again whenever a file of the learner's source changes (polling: file events
    /// are unreliable on network drives, containers and some editors' atomic saves).</summary>
    private async Task<int> WatchAsync(LessonCatalog catalog, Lesson lesson, long seed, Styler style, CancellationToken cancellation)
    {
        var grader = new LessonGrader(catalog.RepoRoot);
        string? lastStamp = null;
        output.WriteLine($"Watching {Path.GetRelativePath(catalog.RepoRoot, lesson.SourceDirectory)} — save a file to grade again, Ctrl+C to stop.");
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var stamp = string.Join('|', FileTree.Files(lesson.SourceDirectory).Order(StringComparer.Ordinal)
                    .Select(f => new FileInfo(f)).Select(f => $"{f.FullName}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
                if (stamp != lastStamp)
                {
                    lastStamp = stamp;
                    var run = await grader.GradeAsync(lesson, Implementation.Stub, seed, cancellation: cancellation);
                    // Ctrl+C reaches the build and the test process too (one process group): a round
                    // it cut short says nothing true about the code ("does not compile"), so stop quietly.
                    if (cancellation.IsCancellationRequested) break;
                    output.WriteLine();
                    output.WriteLine(style.Dim($"── {DateTime.Now:HH:mm:ss} ──"));
                    LessonReport.WriteFocus(run, output, style, $"{Shim} {lesson.Id}");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
            }
        }
        catch (OperationCanceledException) { }
        return 0;
    }

    /// <summary>
    /// The overview: a lesson whose src/ is the untouched stub is "not started" without a build, one
    /// whose code, tests and grader are unchanged since its last grade shows that grade, and only the
    /// others are graded (each row is printed as soon as it is known).
    /// </summary>
    private async Task<int> ProgressAsync(LessonCatalog catalog, GraderOptions options, long seed, Styler style)
    {
        if (catalog.Lessons.Count == 0) throw new GraderException("the course has no lessons yet.");
        var grader = new LessonGrader(catalog.RepoRoot);
        var store = new ProgressStore(catalog.RepoRoot, error);
        var report = new ProgressReport(catalog.Lessons, output, style, Shim);
        var rows = new List<LessonProgress>();
        report.WriteHeader();
        foreach (var lesson in catalog.Lessons)
        {
            LessonProgress? row = null;
            if (!options.Fresh)
                row = UntouchedStub.IsUntouched(lesson, out var stub) ? LessonProgress.Untouched(lesson, stub!) : store.Recall(lesson, options.Seed);
            if (row is null)
            {
                var key = store.Key(lesson);
                NoticeFirstBuild(catalog, lesson, Implementation.Stub);
                var run = await grader.GradeAsync(lesson, Implementation.Stub, seed);
                store.Remember(run, key);
                row = LessonProgress.From(run);
            }
            rows.Add(row);
            report.WriteRow(row);
        }
        report.WriteFooter();
        return rows.All(r => r.AllPassed) ? 0 : 1;
    }

    private async Task<int> NotebooksAsync(string repoRoot, bool update)
    {
        if (!File.Exists(Path.Combine(repoRoot, NotebookCheck.ProjectPath))) throw new GraderException("the course has no notebook runner yet.");
        var (exitCode, text) = await NotebookCheck.RunRunnerAsync(repoRoot, [update ? "update" : "check"]);
        output.Write(text);
        return exitCode == 0 ? 0 : 1;
    }

    private static Lesson Find(LessonCatalog catalog, string name) =>
        catalog.Find(name) ?? throw new GraderException($"there is no lesson '{name}'.", 2);

    private static IReadOnlyList<Lesson> FindAll(LessonCatalog catalog, IReadOnlyList<string> names) =>
        names.Count == 0 ? catalog.Lessons : names.Select(n => Find(catalog, n)).ToList();

    private static void WriteLessonList(LessonCatalog catalog, TextWriter writer)
    {
        writer.WriteLine("The lessons:");
        foreach (var lesson in catalog.Lessons) writer.WriteLine($"  {lesson.Id}  {lesson.Slug,-28} {lesson.Title}");
    }
}
