using NetCourse.Notebooks.Execution;
using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Checking;

/// <summary>
/// Runs a notebook's C# cells in order and either compares their outputs with the stored ones
/// (<see cref="CheckAsync"/>) or stores them (<see cref="UpdateAsync"/>). A cell that throws or
/// runs out of time ends the run: the cells after it depend on its state. Runs one notebook at
/// a time: the console it captures belongs to the whole process.
/// </summary>
internal sealed class NotebookRunner(TimeSpan? grace = null)
{
    private readonly TimeSpan _grace = grace ?? TimeSpan.FromSeconds(2);

    public Task<Verdict> CheckAsync(string path, string displayName) => RunAsync(path, displayName, update: false);

    /// <summary>Stores fresh outputs, but only when every cell ran: a half-run notebook is never written.</summary>
    public Task<Verdict> UpdateAsync(string path, string displayName) => RunAsync(path, displayName, update: true);

    private async Task<Verdict> RunAsync(string path, string displayName, bool update)
    {
        NotebookDocument notebook;
        List<(NotebookCell Cell, CellOptions Options)> cells;
        try
        {
            notebook = NotebookDocument.Load(path);
            cells = [.. notebook.CSharpCells.Select(c => (c, CellOptions.For(c)))];
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            return new Verdict(displayName, 0, [new CellFailure(0, $"the notebook cannot be read: {e.Message}")]);
        }

        var session = new NotebookSession(Path.GetFullPath(path), _grace);
        var failures = new List<CellFailure>();
        var executionCount = 0;
        using (ConsoleCapture.Install())
        {
            foreach (var (cell, options) in cells)
            {
                var run = await session.RunAsync(cell.Source, options.TimeLimit);
                executionCount++;
                if (!run.Succeeded)
                {
                    failures.Add(new CellFailure(cell.Number, run.Failure!));
                    return new Verdict(displayName, executionCount, failures) { LeftACellRunning = run.StillRunning };
                }
                if (update) cell.SetOutputs(run.Outputs, executionCount);
                else if (options.Compare && Mismatch(cell, run) is { } mismatch) failures.Add(mismatch);
            }
        }

        if (update) notebook.Save(path);
        return new Verdict(displayName, executionCount, failures);
    }

    private static CellFailure? Mismatch(NotebookCell cell, CellRun run)
    {
        string expected = OutputText.Of(cell.Outputs), actual = OutputText.Of(run.Outputs);
        return expected == actual
            ? null
            : new CellFailure(cell.Number, "output differs from the stored output (- stored, + actual)", LineDiff.Between(expected, actual));
    }
}
