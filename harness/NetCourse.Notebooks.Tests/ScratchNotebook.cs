using System.Text.Json.Nodes;
using NetCourse.Notebooks.Checking;
using NetCourse.Notebooks.Format;

namespace NetCourse.Notebooks.Tests;

/// <summary>A notebook written to a temporary folder for one test, in the shape VS Code's Polyglot Notebooks writes.</summary>
internal sealed class ScratchNotebook : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("netcourse-notebook-").FullName;

    public ScratchNotebook(params JsonObject[] cells)
    {
        Path = System.IO.Path.Combine(_folder, "scratch.ipynb");
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray([new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = "# Scratch" }, .. cells]),
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
        };
        File.WriteAllText(Path, notebook.ToJsonString());
    }

    public string Path { get; }

    /// <summary>A C# cell; its number in the notebook is its position here plus one (cell 1 is a markdown title).</summary>
    public static JsonObject Code(string source, JsonArray? outputs = null, JsonObject? netcourse = null)
    {
        var metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
        if (netcourse is not null) metadata["netcourse"] = netcourse;
        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = metadata,
            ["outputs"] = outputs ?? [],
            ["source"] = source,
        };
    }

    public static JsonArray Stdout(string text) =>
        [new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = text }];

    /// <summary>A display_data output, as VS Code stores a value the cell showed.</summary>
    public static JsonArray Display(string mimeType, string text) =>
        [new JsonObject { ["data"] = new JsonObject { [mimeType] = text }, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" }];

    /// <summary>What the kernel's HTML formatter writes for a simple value, styles left out.</summary>
    public static string PlainTextHtml(string value) => $"<div class=\"dni-plaintext\"><pre>{value}</pre></div>";

    public Task<Verdict> CheckAsync() => Runner.CheckAsync(Path, "scratch.ipynb");

    public Task<Verdict> UpdateAsync() => Runner.UpdateAsync(Path, "scratch.ipynb");

    /// <summary>The outputs stored in cell <paramref name="number"/>, after an update.</summary>
    public IReadOnlyList<CellOutput> OutputsOf(int number) => NotebookDocument.Load(Path).Cells[number - 1].Outputs;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A shorter grace than the runner's: the time-limit tests need not wait long for a cell that never stops.
    private static readonly NotebookRunner Runner = new(grace: TimeSpan.FromMilliseconds(500));
}
