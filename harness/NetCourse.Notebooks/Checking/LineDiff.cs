namespace NetCourse.Notebooks.Checking;

/// <summary>
/// A line diff of expected against actual text: "- " lines only in the expected, "+ " lines only
/// in the actual, "  " lines in both. Longest common subsequence; cell outputs are short.
/// </summary>
internal static class LineDiff
{
    private const int MaxLines = 60;

    public static IReadOnlyList<string> Between(string expected, string actual)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);

        var diff = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { diff.Add("  " + a[x]); x++; y++; }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1])) diff.Add("- " + a[x++]);
            else diff.Add("+ " + b[y++]);
        }
        return diff.Count <= MaxLines ? diff : [.. diff.Take(MaxLines), $"  … ({diff.Count - MaxLines} more lines)"];
    }
}
