namespace NetCourse.Grader.Reporting;

/// <summary>Colour for a terminal, plain text for files, pipes, CI logs and NO_COLOR.</summary>
public sealed class Styler(bool colour)
{
    public static Styler For(TextWriter writer) =>
        new(writer == Console.Out && !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb");

    public static readonly Styler Plain = new(false);

    public string Green(string text) => Wrap("32", text);
    public string Red(string text) => Wrap("31", text);
    public string Yellow(string text) => Wrap("33", text);
    public string Dim(string text) => Wrap("2", text);
    public string Bold(string text) => Wrap("1", text);

    private string Wrap(string code, string text) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
