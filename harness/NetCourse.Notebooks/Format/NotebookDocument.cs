using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetCourse.Notebooks.Format;

/// <summary>
/// A notebook file as a JSON tree. Everything the runner does not understand (notebook and cell
/// metadata, other kernels' cells, attachments) is kept as it was, so an update only ever
/// changes outputs and execution counts.
/// </summary>
internal sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        // Jupyter and VS Code indent notebooks by one space; the same here keeps diffs small.
        IndentSize = 1,
        // Keep '<', '>', '&' and non-ASCII text readable in the file, as Jupyter does.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _root;

    private NotebookDocument(JsonObject root, IReadOnlyList<NotebookCell> cells)
    {
        _root = root;
        Cells = cells;
    }

    public IReadOnlyList<NotebookCell> Cells { get; }

    public IEnumerable<NotebookCell> CSharpCells => Cells.Where(c => c.IsCSharp);

    public static NotebookDocument Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException("the file is not a notebook (its JSON is not an object)");
        var cells = root["cells"] as JsonArray
            ?? throw new InvalidDataException("the file is not a notebook (it has no \"cells\" list)");
        return new NotebookDocument(root, [.. cells.OfType<JsonObject>().Select((c, i) => new NotebookCell(c, i + 1))]);
    }

    public void Save(string path) =>
        File.WriteAllText(path, _root.ToJsonString(WriteOptions).ReplaceLineEndings("\n") + "\n");
}
