using NetCourse.Harness.Snapshots;
using NetCourse.Notebooks.Execution;
using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Checking;

/// <summary>
/// Runs a notebook's C# cells in order on the .NET Interactive C# kernel and either compares their
/// outputs with the stored ones (<see cref="CheckAsync"/>) or stores them (<see cref="UpdateAsync"/>).
/// A failing cell does not end the run: the cells after it still run and are reported (they may
/// fail too, for want of its state). Only a cell that runs past its time limit and cannot be
/// stopped ends it, since it keeps the kernel busy; the cells it leaves are reported as not run.
/// Runs one notebook at a time, in the notebook's folder, where VS Code starts its kernel: a
/// relative <c>#r</c> resolves there, and the console the kernel captures belongs to the whole process.
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
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return new Verdict(displayName, 0, [new CellFailure(0, $"the notebook cannot be read: {e.Message}")]);
        }

        var failures = new List<CellFailure>();
        var executionCount = 0;
        var stuck = false;
        var previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            using var session = new NotebookSession(_grace);
            foreach (var (cell, options) in cells)
            {
                var run = await session.RunAsync(cell.Source, options.TimeLimit);
                executionCount++;
                if (!run.Succeeded) failures.Add(new CellFailure(cell.Number, run.Failure!));
                else if (update) cell.SetOutputs(run.Outputs, executionCount);
                else if (options.Compare && Mismatch(cell, run) is { } mismatch) failures.Add(mismatch);

                if (run.StillRunning)
                {
                    stuck = true;
                    if (cells.SkipWhile(c => c.Cell != cell).Skip(1).Select(c => c.Cell.Number).ToList() is { Count: > 0 } left)
                        failures.Add(new CellFailure(0, $"{(left.Count == 1 ? "cell" : "cells")} {string.Join(", ", left)} did not run: cell {cell.Number} still holds the kernel"));
                    break;
                }
            }
        }
        finally { Environment.CurrentDirectory = previousDirectory; }

        if (update && failures.Count == 0) notebook.Save(path);
        return new Verdict(displayName, executionCount, failures) { LeftACellRunning = stuck };
    }

    private static CellFailure? Mismatch(NotebookCell cell, CellRun run)
    {
        string expected = OutputText.Of(cell.Outputs), actual = OutputText.Of(run.Outputs);
        return expected == actual
            ? null
            : new CellFailure(cell.Number, "output differs from the stored output (- stored, + actual)", LineDiff.Between(expected, actual));
    }
}
