using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Checking;

/// <summary>
/// A cell's outputs as one text to compare, in the manner of nbval: line endings and trailing
/// whitespace do not count, adjacent stream outputs of the same name are one, and each output is
/// headed by its kind, so text that moves from Console to display() is a difference.
/// </summary>
internal static class OutputText
{
    public static string Of(IEnumerable<CellOutput> outputs) =>
        string.Join("\n", Merge(outputs).Select(o => $"[{Label(o.Kind)}]\n{Normalise(o.Text)}"));

    public static string Normalise(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n');

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

    private static string Label(OutputKind kind) => kind switch
    {
        OutputKind.Stdout => "stdout",
        OutputKind.Stderr => "stderr",
        OutputKind.Result => "result",
        OutputKind.Display => "display",
        _ => "other",
    };
}
