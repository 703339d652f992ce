using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Execution;

/// <summary>
/// The outputs of one running cell, in the order they happened. Console writes that follow each
/// other join one stream output, as they do in Jupyter; a cell's background threads may write too.
/// </summary>
internal sealed class OutputCollector
{
    private readonly Lock _gate = new();
    private readonly List<CellOutput> _outputs = [];

    public void Write(OutputKind stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is var last && last.Kind == stream)
                _outputs[^1] = last with { Text = last.Text + text };
            else
                _outputs.Add(new CellOutput(stream, text));
        }
    }

    public void Add(CellOutput output)
    {
        lock (_gate) _outputs.Add(output);
    }

    public IReadOnlyList<CellOutput> Outputs
    {
        get { lock (_gate) return [.. _outputs]; }
    }
}
