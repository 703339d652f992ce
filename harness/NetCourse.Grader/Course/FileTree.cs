namespace NetCourse.Grader.Course;

/// <summary>Copies and compares folders of sources (never build output).</summary>
public static class FileTree
{
    private static readonly HashSet<string> Ignored = ["bin", "obj", ".build", ".git", ".vs", ".idea", "node_modules"];

    public static IEnumerable<string> Files(string root) =>
        !Directory.Exists(root) ? [] :
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(Ignored.Contains))
            .Where(f => !f.Contains(".received.", StringComparison.Ordinal));

    public static void Copy(string from, string to)
    {
        foreach (var file in Files(from))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    /// <summary>Files that differ between two folders (added, removed or changed), relative to them.</summary>
    public static IReadOnlyList<string> Differences(string left, string right)
    {
        var a = Files(left).Select(f => Path.GetRelativePath(left, f)).ToHashSet();
        var b = Files(right).Select(f => Path.GetRelativePath(right, f)).ToHashSet();
        return a.Union(b)
            .Where(rel => !a.Contains(rel) || !b.Contains(rel)
                || !File.ReadAllBytes(Path.Combine(left, rel)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(right, rel))))
            .Order(StringComparer.Ordinal).ToList();
    }
}
