using System.Text.Json.Nodes;

namespace NetCourse.Notebooks.Format;

/// <summary>One cell of a <see cref="NotebookDocument"/>; <see cref="Number"/> counts every cell from 1, as a reader would.</summary>
internal sealed class NotebookCell(JsonObject json, int number)
{
    public int Number { get; } = number;

    public string Source => MultilineText.Read(json["source"]);

    public JsonObject? Metadata => json["metadata"] as JsonObject;

    /// <summary>
    /// A code cell of the C# kernel: Polyglot names the kernel in the cell's metadata, and a cell
    /// without one runs in the notebook's default kernel, which is C# in the course's notebooks.
    /// </summary>
    public bool IsCSharp
    {
        get
        {
            if ((string?)json["cell_type"] != "code") return false;
            var kernel = (string?)Metadata?["polyglot_notebook"]?["kernelName"]
                ?? (string?)Metadata?["dotnet_interactive"]?["language"];
            return kernel is null or "csharp" or "C#";
        }
    }

    public IReadOnlyList<CellOutput> Outputs =>
        [.. (json["outputs"] as JsonArray ?? []).OfType<JsonObject>().Select(OutputJson.Read)];

    public void SetOutputs(IEnumerable<CellOutput> outputs, int executionCount)
    {
        json["execution_count"] = executionCount;
        json["outputs"] = new JsonArray([.. outputs.Select(o => OutputJson.Write(o, executionCount))]);
    }
}
