using Microsoft.DotNet.Interactive.Documents;

namespace NetCourse.Notebooks.Format;

/// <summary>One cell of a <see cref="NotebookDocument"/>; <see cref="Number"/> counts every cell from 1, as a reader would.</summary>
internal sealed class NotebookCell(InteractiveDocumentElement element, int number)
{
    public int Number { get; } = number;

    public string Source => element.Contents ?? "";

    public IDictionary<string, object>? Metadata => element.Metadata;

    /// <summary>
    /// A code cell of the C# kernel: the Documents reader names each cell's kernel from its
    /// metadata (or the notebook's default kernel, C# in the course's notebooks); markdown cells
    /// are named "markdown".
    /// </summary>
    public bool IsCSharp => element.KernelName is "csharp" or "C#" or "c#";

    public IReadOnlyList<CellOutput> Outputs => [.. element.Outputs.Select(OutputElements.Read)];

    public void SetOutputs(IEnumerable<CellOutput> outputs, int executionCount)
    {
        element.ExecutionOrder = executionCount;
        element.Outputs.Clear();
        element.Outputs.AddRange(outputs.Select(OutputElements.Write));
    }
}
