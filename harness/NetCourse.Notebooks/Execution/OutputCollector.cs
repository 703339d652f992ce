using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Execution;

/// <summary>
/// The outputs of one running cell, in the order the kernel reported them, shaped as VS Code's
/// Polyglot Notebooks shapes them: consecutive writes to one stream join one output (the extension
/// appends stdout to the output before it, dotnet/interactive#3053), and a display updated through
/// its value id is replaced where it stands.
/// </summary>
internal sealed class OutputCollector
{
    private readonly Lock _gate = new();
    private readonly List<(CellOutput Output, string? ValueId)> _outputs = [];

    public void Write(OutputKind stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1].Output is var last && last.Kind == stream)
                _outputs[^1] = (last with { Text = last.Text + text }, null);
            else
                _outputs.Add((new CellOutput(stream, text), null));
        }
    }

    public void Display(CellOutput output, string? valueId)
    {
        lock (_gate) _outputs.Add((output, valueId));
    }

    public void Update(CellOutput output, string? valueId)
    {
        lock (_gate)
        {
            var index = valueId is null ? -1 : _outputs.FindIndex(o => o.ValueId == valueId);
            if (index >= 0) _outputs[index] = (output, valueId);
            else _outputs.Add((output, valueId));
        }
    }

    public IReadOnlyList<CellOutput> Outputs
    {
        get { lock (_gate) return [.. _outputs.Select(o => o.Output)]; }
    }
}
