using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Execution;

/// <summary>
/// What a cell sees besides its own code: the part of the Polyglot C# kernel's globals the
/// course's notebooks use. Public because the scripting engine compiles cells against it.
/// </summary>
public sealed class NotebookGlobals
{
    /// <summary>Shows a value below the cell, as Polyglot's <c>display(...)</c> does (text/plain only).</summary>
#pragma warning disable IDE1006 // Polyglot's name, so a notebook runs the same in VS Code and here.
    public void display(object? value) =>
#pragma warning restore IDE1006
        ConsoleCapture.Current?.Add(CellOutput.Display(PlainText.Format(value)));
}
