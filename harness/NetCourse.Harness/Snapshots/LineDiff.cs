using System.Text;

namespace NetCourse.Harness.Snapshots;

/// <summary>
/// Line diffs for failure messages: unchanged lines as context, removed (expected, verified)
/// lines with "-", added (actual, received) lines with "+". Longest common subsequence of lines:
/// the texts are small, so the quadratic table is fine. The one line diff of the course: snapshot
/// mismatches use <see cref="Describe"/>, and the notebook checker (NetCourse.Notebooks compiles
/// this file in) uses <see cref="Between"/>.
/// </summary>
internal static class LineDiff
{
    private const int Context = 2;
    private const int MaxLines = 80;

    /// <summary>Every line of both texts in order, each marked ' ' (in both), '-' (only in
    /// <paramref name="expected"/>) or '+' (only in <paramref name="actual"/>).</summary>
    public static List<(char Mark, string Text)> Lines(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);

        var lines = new List<(char Mark, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { lines.Add((' ', a[x])); x++; y++; }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1])) lines.Add(('-', a[x++]));
            else lines.Add(('+', b[y++]));
        }
        return lines;
    }

    /// <summary>The whole diff as "  ", "- " and "+ " lines, cut after <paramref name="maxLines"/>
    /// with a line saying how many more there were (a notebook cell's output).</summary>
    public static IReadOnlyList<string> Between(string expected, string actual, int maxLines = 60)
    {
        var diff = Lines(expected, actual).Select(l => $"{l.Mark} {l.Text}").ToList();
        return diff.Count <= maxLines ? diff : [.. diff.Take(maxLines), $"  … ({diff.Count - maxLines} more lines)"];
    }

    /// <summary>The diff with only the lines near a change, for a snapshot mismatch.</summary>
    public static string Describe(string verified, string received)
    {
        // Lines counts the newlines: a table of more than 4 million cells is not worth building.
        if ((long)(verified.Count(c => c == '\n') + 1) * (received.Count(c => c == '\n') + 1) > 4_000_000)
            return "(too large to diff line by line)";
        var lines = Lines(verified, received);

        var text = new StringBuilder();
        var shown = 0;
        var skipped = false;
        for (var i = 0; i < lines.Count && shown < MaxLines; i++)
        {
            var nearChange = lines.Skip(Math.Max(0, i - Context)).Take(2 * Context + 1).Any(l => l.Mark != ' ');
            if (!nearChange)
            {
                if (!skipped) text.AppendLine("  …");
                skipped = true;
                continue;
            }
            skipped = false;
            text.Append(lines[i].Mark).Append(' ').AppendLine(lines[i].Text);
            shown++;
        }
        if (shown == MaxLines) text.AppendLine("  … (diff truncated)");
        return text.ToString().TrimEnd();
    }
}
