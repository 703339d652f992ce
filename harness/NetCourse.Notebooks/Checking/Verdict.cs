namespace NetCourse.Notebooks.Checking;

/// <summary>What checking or updating one notebook found.</summary>
internal sealed record Verdict(string Notebook, int CellsRun, IReadOnlyList<CellFailure> Failures)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>A cell ran past its time limit and could not be stopped: the process must end itself.</summary>
    public bool LeftACellRunning { get; init; }

    public string Summary => Passed
        ? $"{CellsRun} cells ran, outputs match"
        : string.Join("; ", Failures.Select(f => f.Headline));
}

/// <summary>One cell that failed: threw, timed out, or printed other than what is stored.</summary>
internal sealed record CellFailure(int Cell, string Message, IReadOnlyList<string> Diff)
{
    public CellFailure(int cell, string message) : this(cell, message, []) { }

    /// <summary>Cell 0 stands for the notebook as a whole (it could not be read, or cells did not run).</summary>
    public string Headline => Cell > 0 ? $"cell {Cell} {Message}" : Message;
}
