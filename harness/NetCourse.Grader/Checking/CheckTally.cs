using NetCourse.Grader.Reporting;

namespace NetCourse.Grader.Checking;

/// <summary>Counts and prints the self-check's verdicts, one line each.</summary>
public sealed class CheckTally(TextWriter output, Styler style)
{
    public int Passed { get; private set; }
    public int Failed { get; private set; }

    public void Section(string title) => output.WriteLine(style.Bold(title));

    public void Record(bool ok, string what, IEnumerable<string>? details = null)
    {
        if (ok) Passed++; else Failed++;
        output.WriteLine($"  {(ok ? style.Green("ok  ") : style.Red("FAIL"))}  {what}");
        if (ok) return;
        foreach (var line in (details ?? []).Take(25)) output.WriteLine($"        {line}");
    }

    public void CountPasses(int count) => Passed += count;

    /// <summary>The closing line CI reads.</summary>
    public void WriteSummary() => output.WriteLine($"check: {Passed} passed, {Failed} failed");
}
