using NetCourse.Grader.Running;

namespace NetCourse.Grader.Course;

/// <summary>
/// Writes the learner's copy of the course: everything a learner needs and nothing that gives an
/// answer away (no solutions, no mutants, no course-maintenance tests whose fixtures hold
/// worked answers). The copy's grade.sh works as it is; the result is ready to push as a
/// template repository.
/// </summary>
public static class LearnerExport
{
    private static readonly string[] ExcludedPrefixes =
    [
        "solutions/", "harness/NetCourse.Grader.Tests/", "harness/NetCourse.Harness.Tests/", "harness/NetCourse.TestHost.Tests/",
        "harness/NetCourse.Grading.Protocol.Tests/", "harness/NetCourse.Notebooks.Tests/", "harness/NetCourse.Harness.Benchmarks/",
        ".github/workflows/course-check.yml", "docs/authoring-a-lesson.md", "docs/mutation-testing.md", ".ci/",
    ];

    public static async Task<int> ExportAsync(string repoRoot, string destination, TextWriter output)
    {
        destination = Path.GetFullPath(destination);
        if (Directory.Exists(destination) && Directory.EnumerateFileSystemEntries(destination).Any())
            throw new GraderException($"{destination} is not empty; the export never overwrites anything. Choose a new folder.", 2);
        if (destination.StartsWith(Path.GetFullPath(repoRoot).TrimEnd('/') + "/", StringComparison.Ordinal))
            throw new GraderException("export to a folder outside the course checkout.", 2);

        var files = (await SourceFilesAsync(repoRoot))
            .Where(f => !ExcludedPrefixes.Any(p => f.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        // Markdown is read and cut first, so a marker that does not pair up refuses the export before a file is written.
        var markdown = files.Where(f => f.EndsWith(".md", StringComparison.Ordinal))
            .ToDictionary(f => f, f => MaintainerBlocks.Strip(File.ReadAllText(Path.Combine(repoRoot, f)), f));
        foreach (var relative in files)
        {
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (markdown.TryGetValue(relative, out var text)) File.WriteAllText(target, text);
            else File.Copy(Path.Combine(repoRoot, relative), target);
        }
        var shim = Path.Combine(repoRoot, "grade.sh");
        if ((OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && File.Exists(shim))
            File.SetUnixFileMode(Path.Combine(destination, "grade.sh"), File.GetUnixFileMode(Path.Combine(repoRoot, "grade.sh")));

        await RemoveMissingProjectsAsync(destination);
        output.WriteLine($"Wrote the learner's copy of the course to {destination} ({files.Count} files, no solutions).");
        // An instructor's own additions to a README can name what the copy lacks (a solution, a benchmark).
        foreach (var problem in ReadmeCommands.Problems(destination))
            output.WriteLine($"warning: {problem}");
        output.WriteLine("Next: cd there, git init, commit, and push it as a template repository (see docs/instructors.md).");
        return 0;
    }

    /// <summary>The files git knows (tracked, or new and not ignored); every file when there is no git.</summary>
    private static async Task<IReadOnlyList<string>> SourceFilesAsync(string repoRoot)
    {
        if (Directory.Exists(Path.Combine(repoRoot, ".git")))
        {
            var (code, text) = await ChildProcess.RunAsync("git", ["ls-files", "-co", "--exclude-standard"], repoRoot, TimeSpan.FromMinutes(1));
            if (code == 0)
                return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(f => File.Exists(Path.Combine(repoRoot, f))).ToList();
        }
        return FileTree.Files(repoRoot).Select(f => Path.GetRelativePath(repoRoot, f).Replace('\\', '/')).ToList();
    }

    /// <summary>Takes the projects the copy does not have out of its NetCourse.sln.</summary>
    private static async Task RemoveMissingProjectsAsync(string destination)
    {
        var solution = Path.Combine(destination, "NetCourse.sln");
        if (!File.Exists(solution)) return;
        var missing = File.ReadAllLines(solution)
            .Where(l => l.StartsWith("Project(", StringComparison.Ordinal))
            .Select(l => l.Split(',')[1].Trim().Trim('"').Replace('\\', '/'))
            .Where(p => p.EndsWith(".csproj", StringComparison.Ordinal) && !File.Exists(Path.Combine(destination, p)))
            .ToList();
        if (missing.Count == 0) return;
        var (code, text) = await ChildProcess.RunAsync("dotnet", ["sln", solution, "remove", .. missing], destination, TimeSpan.FromMinutes(1));
        if (code != 0) throw new GraderException($"could not update the copy's NetCourse.sln: {text.Trim()}");
    }
}
