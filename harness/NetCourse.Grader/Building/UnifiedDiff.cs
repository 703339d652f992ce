namespace NetCourse.Grader.Building;

/// <summary>
/// Applies a unified diff (as <c>diff -u</c> or <c>git diff</c> write it) to a folder. Hunks are
/// placed by matching their context and removed lines exactly, ignoring the line numbers, so a
/// mutant survives edits elsewhere in the solution; a hunk that no longer matches is an error
/// that names the file and the hunk, never a silently different mutant.
/// </summary>
public static class UnifiedDiff
{
    public sealed record FilePatch(string Path, IReadOnlyList<Hunk> Hunks);

    public sealed record Hunk(string Header, IReadOnlyList<string> Before, IReadOnlyList<string> After);

    /// <summary>The free text before the first file header: what the mutant's mistake is.</summary>
    public static string Description(string diffText) =>
        string.Join('\n', diffText.ReplaceLineEndings("\n").Split('\n').TakeWhile(l => !l.StartsWith("--- ", StringComparison.Ordinal))).Trim();

    public static IReadOnlyList<FilePatch> Parse(string diffText)
    {
        var lines = diffText.ReplaceLineEndings("\n").Split('\n');
        var patches = new List<FilePatch>();
        var i = 0;
        while (i < lines.Length)
        {
            if (!lines[i].StartsWith("--- ", StringComparison.Ordinal) || i + 1 >= lines.Length || !lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal))
            {
                i++;
                continue;
            }
            var path = StripPrefix(lines[i + 1][4..]);
            i += 2;
            var hunks = new List<Hunk>();
            while (i < lines.Length && lines[i].StartsWith("@@", StringComparison.Ordinal))
            {
                var header = lines[i++];
                var before = new List<string>();
                var after = new List<string>();
                for (; i < lines.Length && (lines[i].Length == 0 || " +-\\".Contains(lines[i][0])) && !lines[i].StartsWith("--- ", StringComparison.Ordinal); i++)
                {
                    var line = lines[i];
                    if (line.Length == 0)
                    {
                        // A blank context line whose leading space an editor trimmed; the last empty
                        // string of the split is the end of the file, not a line.
                        if (i == lines.Length - 1) break;
                        before.Add(""); after.Add("");
                        continue;
                    }
                    switch (line[0])
                    {
                        case ' ': before.Add(line[1..]); after.Add(line[1..]); break;
                        case '-': before.Add(line[1..]); break;
                        case '+': after.Add(line[1..]); break;
                        // '\ No newline at end of file' carries no line.
                    }
                }
                hunks.Add(new Hunk(header, before, after));
            }
            if (hunks.Count == 0) throw new FormatException($"the diff for {path} has no hunks");
            patches.Add(new FilePatch(path, hunks));
        }
        if (patches.Count == 0) throw new FormatException("no file changes found (expected '--- a/File.cs' and '+++ b/File.cs' lines)");
        return patches;
    }

    /// <summary>Applies every file patch to the files under <paramref name="root"/>.</summary>
    public static void Apply(IReadOnlyList<FilePatch> patches, string root)
    {
        foreach (var patch in patches)
        {
            var fullPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, patch.Path));
            if (!fullPath.StartsWith(System.IO.Path.GetFullPath(root), StringComparison.Ordinal))
                throw new FormatException($"the diff names a file outside the solution: {patch.Path}");
            if (!File.Exists(fullPath)) throw new FormatException($"the diff changes {patch.Path}, which the solution does not have");

            var text = File.ReadAllText(fullPath);
            var newline = text.Contains("\r\n") ? "\r\n" : "\n";
            var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
            foreach (var hunk in patch.Hunks)
            {
                var at = FindUnique(lines, hunk.Before)
                    ?? throw new FormatException($"{patch.Path}: hunk {hunk.Header} does not match the solution any more (or matches twice); regenerate the mutant");
                lines.RemoveRange(at, hunk.Before.Count);
                lines.InsertRange(at, hunk.After);
            }
            File.WriteAllText(fullPath, string.Join(newline, lines));
        }
    }

    private static int? FindUnique(List<string> lines, IReadOnlyList<string> block)
    {
        int? found = null;
        for (var start = 0; start + block.Count <= lines.Count; start++)
        {
            var matches = true;
            for (var k = 0; k < block.Count && matches; k++)
                matches = lines[start + k].TrimEnd() == block[k].TrimEnd();
            if (!matches) continue;
            if (found is not null) return null;
            found = start;
        }
        return found;
    }

    private static string StripPrefix(string path)
    {
        path = path.Split('\t')[0].Trim();
        return path.StartsWith("b/", StringComparison.Ordinal) || path.StartsWith("a/", StringComparison.Ordinal) ? path[2..] : path;
    }
}
