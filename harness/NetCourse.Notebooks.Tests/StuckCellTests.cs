using static NetCourse.Notebooks.Tests.ScratchNotebook;

namespace NetCourse.Notebooks.Tests;

/// <summary>
/// A cell busy on the kernel's thread cannot be cancelled and keeps that kernel for good; it
/// sleeps rather than spins so that it costs the test run no CPU while it is abandoned.
/// </summary>
public class StuckCellTests
{
    [Test]
    public async Task A_cell_that_cannot_be_stopped_is_reported_and_so_are_the_cells_it_leaves_unrun()
    {
        using var notebook = new ScratchNotebook(
            Code("var warm = true;"),
            Code("// netcourse: timeout=0.5s\nwhile (true) System.Threading.Thread.Sleep(50);"),
            Code("Console.WriteLine(1);"),
            Code("Console.WriteLine(2);"));
        var verdict = await notebook.CheckAsync();
        verdict.Failures.Select(f => f.Headline).ShouldBe([
            "cell 3 ran past its time limit of 0.5 s and could not be stopped",
            "cells 4, 5 did not run: cell 3 still holds the kernel",
        ]);
        verdict.LeftACellRunning.ShouldBeTrue();
    }
}
