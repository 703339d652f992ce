using System.Diagnostics;

namespace NetCourse.Grader.Checking;

/// <summary>Where the self-check's time goes, summed per phase (builds, solution runs, mutants, …), printed at its end.</summary>
public sealed class PhaseTimes
{
    private readonly Dictionary<string, TimeSpan> _totals = [];
    private readonly List<string> _order = [];

    public async Task<T> Time<T>(string phase, Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        try { return await work(); }
        finally { Add(phase, watch.Elapsed); }
    }

    public async Task Time(string phase, Func<Task> work) => await Time(phase, async () => { await work(); return 0; });

    private void Add(string phase, TimeSpan elapsed)
    {
        if (!_totals.TryAdd(phase, elapsed)) _totals[phase] += elapsed;
        else _order.Add(phase);
    }

    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Totals => _order.Select(p => (p, _totals[p])).ToList();

    /// <summary>One line: "time: builds 120 s · solution runs 80 s · … · total 400 s".</summary>
    public string Summary() =>
        "time: " + string.Join(" · ", Totals.Select(t => $"{t.Phase} {t.Elapsed.TotalSeconds:0} s")
            .Append($"total {Totals.Sum(t => t.Elapsed.TotalSeconds):0} s"));
}
