using System.Text.RegularExpressions;
using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Checking;

/// <summary>
/// A cell's outputs as one text to compare, in the manner of nbval: line endings and trailing
/// whitespace do not count, adjacent stream outputs of the same name are one, and each output is
/// headed by its kind and MIME type, so text that moves from Console to display() is a difference.
/// HTML is compared without what the formatter adds around the value and may change between
/// versions or runs (see <see cref="StableHtml"/>).
/// </summary>
internal static partial class OutputText
{
    public static string Of(IEnumerable<CellOutput> outputs) =>
        string.Join("\n", Merge(outputs).Select(o => $"[{Label(o)}]\n{Normalise(o.MimeType == CellOutput.Html ? StableHtml(o.Text) : o.Text)}"));

    public static string Normalise(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n');

    /// <summary>
    /// The .NET Interactive HTML formatter's output without its <c>&lt;style&gt;</c> sheet and
    /// <c>&lt;script&gt;</c> blocks (the same for every value, and its own business), with element
    /// ids that hold a fresh GUID or number each run replaced by one placeholder.
    /// </summary>
    public static string StableHtml(string html)
    {
        var stable = StyleOrScript().Replace(html, "");
        stable = Guid().Replace(stable, "GUID");
        return GeneratedId().Replace(stable, "$1\"ID\"");
    }

    private static IEnumerable<CellOutput> Merge(IEnumerable<CellOutput> outputs)
    {
        CellOutput? pending = null;
        foreach (var output in outputs)
        {
            if (pending is not null && pending.Kind == output.Kind && output.Kind is OutputKind.Stdout or OutputKind.Stderr)
            {
                pending = pending with { Text = pending.Text + output.Text };
                continue;
            }
            if (pending is not null) yield return pending;
            pending = output;
        }
        if (pending is not null) yield return pending;
    }

    private static string Label(CellOutput output) => output.Kind switch
    {
        OutputKind.Stdout => "stdout",
        OutputKind.Stderr => "stderr",
        OutputKind.Display => $"display {output.MimeType}",
        _ => "other",
    };

    [GeneratedRegex(@"<(style|script)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"(\bid=)""[^""]*\d[^""]*""")]
    private static partial Regex GeneratedId();
}
