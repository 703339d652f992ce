using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Execution;

/// <summary>What running one cell produced: its outputs and, if it did not complete, why.</summary>
internal sealed record CellRun(IReadOnlyList<CellOutput> Outputs, string? Failure = null)
{
    public bool Succeeded => Failure is null;

    /// <summary>The cell ran past its time limit and still holds the kernel: no later cell can run.</summary>
    public bool StillRunning { get; init; }
}
