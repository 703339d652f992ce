namespace NetCourse.Notebooks.Format;

/// <summary>
/// One output of a code cell, in the three shapes Jupyter, Polyglot and GitHub all render as
/// text: a <c>stream</c> (Console.Out or Console.Error), an <c>execute_result</c> (the value of
/// the cell's trailing expression) and a <c>display_data</c> (a call to <c>display(...)</c>).
/// </summary>
internal sealed record CellOutput(OutputKind Kind, string Text)
{
    public static CellOutput Stdout(string text) => new(OutputKind.Stdout, text);
    public static CellOutput Stderr(string text) => new(OutputKind.Stderr, text);
    public static CellOutput Result(string text) => new(OutputKind.Result, text);
    public static CellOutput Display(string text) => new(OutputKind.Display, text);
}

internal enum OutputKind
{
    Stdout,
    Stderr,
    Result,
    Display,
    /// <summary>Any other output a notebook may hold (an error, an image): kept, and never equal to a text output.</summary>
    Other,
}
