using NetCourse.Grader.Checking;
using NetCourse.Grader.Cli;
using NetCourse.Grader.Course;
using NetCourse.Grader.Reporting;
using NetCourse.Grader.Running;

namespace NetCourse.Grader;

/// <summary>The grader's commands. Exit codes: 0 all good, 1 something failed, 2 the command line or the input was wrong.</summary>
public sealed class GraderApp(TextWriter output, TextWriter error, string? repoRoot = null)
{
    /// <summary>How the learner started us (grade.sh or grade.ps1), for the commands we suggest.</summary>
    private static string Shim => Environment.GetEnvironmentVariable("NETCOURSE_SHIM") is { Length: > 0 } shim ? shim : "./grade.sh";

    public async Task<int> RunAsync(IReadOnlyList<string> args)
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
                GraderMode.Lesson => await GradeLessonAsync(catalog, options, seed, style),
                GraderMode.Progress => await ProgressAsync(catalog, seed, style),
                GraderMode.Check => await new CourseCheck(catalog, output, style)
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

    private int Help(LessonCatalog catalog)
    {
        output.WriteLine(GraderOptions.Usage.Replace("grade.sh", Shim.TrimStart('.', '/', '\\')));
        WriteLessonList(catalog, output);
        return 0;
    }

    private async Task<int> GradeLessonAsync(LessonCatalog catalog, GraderOptions options, long seed, Styler style)
    {
        var lesson = Find(catalog, options.Lessons[0]);
        var implementation = options.Solution ? Implementation.Solution
            : options.Mutant is { } mutant ? Implementation.Mutant(mutant)
            : Implementation.Stub;
        var run = await new LessonGrader(catalog.RepoRoot).GradeAsync(lesson, implementation, seed, only: options.Only);
        if (run.Compiled && run.Tests.Count == 0)
            throw new GraderException(options.Only.Count > 0 ? $"no test of {lesson.Id} matches --only {string.Join(" ", options.Only)}." : $"{lesson.Id} has no tests.");
        LessonReport.Write(run, output, style, $"{Shim} {lesson.Id}");
        return run.AllPassed ? 0 : 1;
    }

    private async Task<int> ProgressAsync(LessonCatalog catalog, long seed, Styler style)
    {
        if (catalog.Lessons.Count == 0) throw new GraderException("the course has no lessons yet.");
        var grader = new LessonGrader(catalog.RepoRoot);
        var runs = new List<LessonRun>();
        foreach (var lesson in catalog.Lessons) runs.Add(await grader.GradeAsync(lesson, Implementation.Stub, seed));
        ProgressReport.Write(runs, output, style, Shim);
        return runs.All(r => r.AllPassed) ? 0 : 1;
    }

    private async Task<int> NotebooksAsync(string repoRoot, bool update)
    {
        var project = Path.Combine(repoRoot, NotebookCheck.ProjectPath);
        if (!File.Exists(project)) throw new GraderException("the course has no notebook runner yet.");
        var (exitCode, text) = await ChildProcess.RunAsync("dotnet",
            ["run", "--project", project, "--", update ? "update" : "check", "--repo", repoRoot], repoRoot, TimeSpan.FromMinutes(15));
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
