namespace NetCourse.Notebooks.Format;

/// <summary>
/// One output of a code cell, as VS Code's Polyglot Notebooks stores it: a <c>stream</c>
/// (Console.Out or Console.Error, consecutive writes joined) or a <c>display_data</c> (a call to
/// <c>display(...)</c> or the value of the cell's trailing expression: Polyglot stores both the
/// same way), with the MIME type the kernel's formatter chose: <c>text/plain</c> for strings,
/// <c>text/html</c> for other values.
/// </summary>
internal sealed record CellOutput(OutputKind Kind, string Text, string MimeType = CellOutput.PlainText)
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";

    public static CellOutput Stdout(string text) => new(OutputKind.Stdout, text);
    public static CellOutput Stderr(string text) => new(OutputKind.Stderr, text);
    public static CellOutput Display(string text, string mimeType = PlainText) => new(OutputKind.Display, text, mimeType);
}

internal enum OutputKind
{
    Stdout,
    Stderr,
    Display,
    /// <summary>Any other output a notebook may hold (an error, an image): kept, and never equal to a text output.</summary>
    Other,
}
