using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace NetCourse.Notebooks.Format;

/// <summary>
/// A notebook file, read and written by Microsoft.DotNet.Interactive.Documents (the library VS
/// Code's Polyglot kernel uses for .ipynb). Notebook and cell metadata and other kernels' cells
/// are kept as they were, so an update changes outputs and execution counts only.
/// </summary>
internal sealed class NotebookDocument
{
    // The kernels the course's notebooks use: C# only, the default for cells that name none.
    private static KernelInfoCollection Kernels() => new()
    {
        new KernelInfo("csharp", "C#", ["c#", "C#"]),
    };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        // Jupyter and VS Code indent notebooks by one space, as the Documents writer does.
        IndentSize = 1,
        // Keep '<', '>', '&' and non-ASCII text readable in the file, as Jupyter does.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly InteractiveDocument _document;

    private NotebookDocument(InteractiveDocument document)
    {
        _document = document;
        Cells = [.. document.Elements.Select((e, i) => new NotebookCell(e, i + 1))];
    }

    public IReadOnlyList<NotebookCell> Cells { get; }

    public IEnumerable<NotebookCell> CSharpCells => Cells.Where(c => c.IsCSharp);

    public static NotebookDocument Load(string path)
    {
        var kernels = Kernels();
        kernels.DefaultKernelName = "csharp";
        var json = File.ReadAllText(path);
        try
        {
            // The Documents reader takes any JSON object for an empty notebook: say what is missing instead.
            if (JsonNode.Parse(json) is not JsonObject root) throw new InvalidDataException("the file is not a notebook (its JSON is not an object)");
            if (root["cells"] is not JsonArray) throw new InvalidDataException("the file is not a notebook (it has no \"cells\" list)");
            return new NotebookDocument(Notebook.Parse(json, kernels));
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or KeyNotFoundException or NullReferenceException)
        {
            throw new InvalidDataException($"the file is not a notebook ({e.Message})", e);
        }
    }

    public void Save(string path)
    {
        var kernels = Kernels();
        kernels.DefaultKernelName = "csharp";
        using var buffer = new MemoryStream();
        Notebook.Write(_document, buffer, kernels);
        File.WriteAllText(path, AsVsCodeWritesIt(Encoding.UTF8.GetString(buffer.ToArray())));
    }

    /// <summary>
    /// The Documents writer adds its kernel list as a top-level <c>metadata.kernelInfo</c>; VS Code
    /// keeps that list under <c>metadata.polyglot_notebook</c> only, and ends the file with a newline. The same here keeps a notebook saved by VS Code and one refreshed by
    /// the runner byte-for-byte alike.
    /// </summary>
    private static string AsVsCodeWritesIt(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        if (root["metadata"] is not JsonObject metadata) return json;
        metadata.Remove("kernelInfo");
        metadata["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        };
        return root.ToJsonString(WriteOptions).ReplaceLineEndings("\n") + "\n";
    }
}
