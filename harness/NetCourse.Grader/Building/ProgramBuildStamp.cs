using NetCourse.Grader.Course;

namespace NetCourse.Grader.Building;

/// <summary>
/// Lets <c>--run</c> skip MSBuild (seconds, even with nothing to do) when nothing a lesson program
/// is built from changed since its last successful build. "Changed" is judged by content, never by
/// timestamps, as Directory.Build.targets does: a file restored with an old modification time
/// still counts as changed.
/// </summary>
public static class ProgramBuildStamp
{
    /// <summary>NetCourse.Run, and what lesson programs take from the rest of harness/ by link (the
    /// harness's ManualClock, the test host's StubMemberNames).</summary>
    private static readonly string[] HarnessFolders = ["harness/NetCourse.Run", "harness/NetCourse.Harness", "harness/NetCourse.TestHost"];

    /// <summary>A hash of every source the program's build reads: its folder, the lessons' code it runs, the harness, the build files.</summary>
    public static string Compute(LessonCatalog catalog, LessonProgramProject program, Implementation implementation)
    {
        var root = catalog.RepoRoot;
        var projectText = File.ReadAllText(program.ProjectPath);
        var lessons = catalog.Lessons.Where(l => l == program.Owner || projectText.Contains(l.Slug, StringComparison.Ordinal));
        var folders = new List<string> { Path.GetDirectoryName(program.ProjectPath)! };
        folders.AddRange(HarnessFolders.Select(f => Path.Combine(root, f)));
        foreach (var lesson in lessons)
        {
            folders.Add(lesson.SourceDirectory); // the stub, and the Given code the solution links
            if (implementation.Kind == ImplementationKind.Solution) folders.Add(lesson.SolutionDirectory);
        }
        return new ContentHash()
            .Add("implementation", implementation.Pivot)
            .AddFiles(root, folders.SelectMany(FileTree.Files).Concat(BuildInputs.RootFiles(root)))
            .Finish();
    }

    public static bool IsCurrent(string assembly, string stamp) =>
        File.Exists(assembly) && File.Exists(StampFile(assembly)) && File.ReadAllText(StampFile(assembly)) == stamp;

    public static void Write(string assembly, string stamp) => File.WriteAllText(StampFile(assembly), stamp);

    private static string StampFile(string assembly) => assembly + ".inputs.sha256";
}
