using System.Text;
using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Execution;

/// <summary>
/// Sends Console.Out and Console.Error to the collector of the cell that wrote them. The cell is
/// found through an <see cref="AsyncLocal{T}"/>, which flows into every task and thread the cell
/// starts: a late write from a cell that already timed out lands in that cell's collector, never
/// in the next cell's output or in the runner's report.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly AsyncLocal<OutputCollector?> CurrentCell = new();

    public static OutputCollector? Current
    {
        get => CurrentCell.Value;
        set => CurrentCell.Value = value;
    }

    /// <summary>Routes the console through the capture until disposed, then puts the previous writers back.</summary>
    public static IDisposable Install()
    {
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(new RoutingWriter(previousOut, OutputKind.Stdout));
        Console.SetError(new RoutingWriter(previousError, OutputKind.Stderr));
        return new Restore(previousOut, previousError);
    }

    private sealed class Restore(TextWriter output, TextWriter error) : IDisposable
    {
        public void Dispose()
        {
            Console.SetOut(output);
            Console.SetError(error);
        }
    }

    private sealed class RoutingWriter(TextWriter outside, OutputKind stream) : TextWriter
    {
        public override Encoding Encoding => outside.Encoding;

        // Every other Write and WriteLine overload of TextWriter ends in one of these three.
        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (Current is { } cell) cell.Write(stream, value ?? "");
            else outside.Write(value);
        }

        public override void Flush() => outside.Flush();
    }
}
