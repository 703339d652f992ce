using System.Text;

namespace NetCourse.Harness.Snapshots;

/// <summary>A readable line diff for failure messages: unchanged lines as context, removed
/// (verified) lines with "-", added (received) lines with "+". Longest common subsequence of
/// lines: snapshots are small, so the quadratic table is fine.</summary>
internal static class LineDiff
{
    private const int Context = 2;
    private const int MaxLines = 80;

    public static string Describe(string verified, string received)
    {
        var a = verified.Split('\n');
        var b = received.Split('\n');
        if ((long)a.Length * b.Length > 4_000_000) return "(too large to diff line by line)";

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
