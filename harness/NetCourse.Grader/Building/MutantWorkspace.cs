using NetCourse.Grader.Course;

namespace NetCourse.Grader.Building;

/// <summary>
/// Materialises a mutant (or an alternative) under .build/mutants/&lt;slug&gt;/&lt;name&gt;/src: the
/// solution's sources with the diff applied. Files are rewritten only when their content changes,
/// so an unchanged mutant is not rebuilt.
/// </summary>
public static class MutantWorkspace
{
    public static string Prepare(Lesson lesson, string mutantName, string buildRoot) =>
        Prepare(lesson, Implementation.Mutant(mutantName), buildRoot);

    public static string Prepare(Lesson lesson, Implementation implementation, string buildRoot)
    {
        var alternative = implementation.Kind == ImplementationKind.Alternative;
        var (folder, file, kind, names) = alternative
            ? (lesson.AlternativesDirectory, Lesson.AlternativeFileName, "alternative", lesson.AlternativeNames)
            : (lesson.MutantsDirectory, Lesson.MutantFileName, "mutant", lesson.MutantNames);
        var mutantName = implementation.MutantName!;
        var diffPath = Path.Combine(folder, mutantName, file);
        if (!File.Exists(diffPath))
            throw new GraderException($"{lesson.Id} has no {kind} '{mutantName}'. Its {kind}s: {string.Join(", ", names.DefaultIfEmpty("(none)"))}");

        var target = Path.Combine(buildRoot, "mutants", lesson.Slug, implementation.WorkspaceName!, "src");
        var staging = target + ".next";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        FileTree.Copy(lesson.SolutionDirectory, staging);
        try
        {
            UnifiedDiff.Apply(UnifiedDiff.Parse(File.ReadAllText(diffPath)), staging);
        }
        catch (FormatException e)
        {
            throw new GraderException($"{kind} '{mutantName}' of {lesson.Id} cannot be applied: {e.Message}");
        }
        Synchronise(staging, target);
        Directory.Delete(staging, recursive: true);
        return target;
    }

    /// <summary>Makes <paramref name="target"/> hold exactly the files of <paramref name="staging"/>,
    /// touching only those that differ (timestamps drive MSBuild's incremental build).</summary>
    private static void Synchronise(string staging, string target)
    {
        Directory.CreateDirectory(target);
        var wanted = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(staging, f)).ToHashSet();
        foreach (var stale in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
                     .Where(f => !wanted.Contains(Path.GetRelativePath(target, f))))
            File.Delete(stale);
        foreach (var relative in wanted)
        {
            var source = Path.Combine(staging, relative);
            var destination = Path.Combine(target, relative);
            if (File.Exists(destination) && File.ReadAllBytes(destination).AsSpan().SequenceEqual(File.ReadAllBytes(source))) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination, overwrite: true);
        }
    }
}
