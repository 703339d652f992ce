using System.Text.Json;
using NetCourse.Grader.Course;

namespace NetCourse.Grader.Building;

/// <summary>
/// Lets <c>--run</c> skip MSBuild (seconds, even with nothing to do) when nothing a lesson program
/// is built from changed since its last successful build. "Changed" is judged by content, never by
/// timestamps, as Directory.Build.targets does: a file restored with an old modification time
/// still counts as changed. The stamp keeps where MSBuild said it put the program's assembly, so
/// the grader never derives that path itself.
/// </summary>
public static class ProgramBuildStamp
{
    /// <summary>NetCourse.Run, and what lesson programs take from the rest of harness/ by link (the
    /// harness's ManualClock, the test host's StubMemberNames).</summary>
    private static readonly string[] HarnessFolders = ["harness/NetCourse.Run", "harness/NetCourse.Harness", "harness/NetCourse.TestHost"];

    private sealed record Stamp(string Inputs, string Assembly);

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

    /// <summary>Where the stamp of a program built against one implementation lives.</summary>
    public static string FileFor(string buildRoot, LessonProgramProject program, Implementation implementation) =>
        Path.Combine(buildRoot, "stamps", program.Owner.Slug, $"program-{implementation.Pivot}.json");

    /// <summary>The assembly of the last successful build when it was built from <paramref name="inputs"/> and is still there; else null.</summary>
    public static string? CurrentAssembly(string stampFile, string inputs)
    {
        try
        {
            return File.Exists(stampFile) && JsonSerializer.Deserialize<Stamp>(File.ReadAllText(stampFile)) is { } stamp
                && stamp.Inputs == inputs && File.Exists(stamp.Assembly) ? stamp.Assembly : null;
        }
        catch (JsonException) { return null; } // a damaged stamp only costs a build
    }

    public static void Write(string stampFile, string inputs, string assembly)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(stampFile)!);
        File.WriteAllText(stampFile, JsonSerializer.Serialize(new Stamp(inputs, assembly)));
    }
}
