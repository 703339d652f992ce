using System.Text.Json;
using NetCourse.Notebooks.Checking;

namespace NetCourse.Notebooks.Cli;

/// <summary>The human report (one line per notebook, details under a failure) and the JSON lines of --results.</summary>
internal static class Report
{
    public static void Print(TextWriter output, Verdict verdict)
    {
        if (verdict.Passed)
        {
            output.WriteLine($"ok  {verdict.Notebook} ({verdict.CellsRun} cells)");
            return;
        }
        output.WriteLine($"FAIL {verdict.Notebook}");
        foreach (var failure in verdict.Failures)
        {
            output.WriteLine(Indent(failure.Headline, "  "));
            foreach (var line in failure.Diff) output.WriteLine("    " + line);
        }
    }

    public static string JsonLine(Verdict verdict) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["notebook"] = verdict.Notebook,
        ["passed"] = verdict.Passed,
        ["message"] = verdict.Summary,
    });

    private static string Indent(string text, string by) =>
        by + text.ReplaceLineEndings("\n").Replace("\n", "\n" + by, StringComparison.Ordinal);
}
