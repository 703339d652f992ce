using System.Text.Json.Nodes;

namespace NetCourse.Notebooks.Format;

/// <summary>Reads and writes <see cref="CellOutput"/> in nbformat 4's JSON shape.</summary>
internal static class OutputJson
{
    public static CellOutput Read(JsonObject output)
    {
        var type = (string?)output["output_type"];
        return type switch
        {
            "stream" when (string?)output["name"] == "stderr" => CellOutput.Stderr(MultilineText.Read(output["text"])),
            "stream" => CellOutput.Stdout(MultilineText.Read(output["text"])),
            "execute_result" => CellOutput.Result(MultilineText.Read(output["data"]?["text/plain"])),
            "display_data" => CellOutput.Display(MultilineText.Read(output["data"]?["text/plain"])),
            _ => new CellOutput(OutputKind.Other, $"{type}: {MultilineText.Read(output["evalue"] ?? output["data"]?["text/plain"])}"),
        };
    }

    // Keys in alphabetical order, as Jupyter and VS Code write them, so an update leaves no noise in a diff.
    public static JsonObject Write(CellOutput output, int executionCount) => output.Kind switch
    {
        OutputKind.Stdout or OutputKind.Stderr => new JsonObject
        {
            ["name"] = output.Kind == OutputKind.Stdout ? "stdout" : "stderr",
            ["output_type"] = "stream",
            ["text"] = MultilineText.Write(output.Text),
        },
        OutputKind.Result => new JsonObject
        {
            ["data"] = new JsonObject { ["text/plain"] = MultilineText.Write(output.Text) },
            ["execution_count"] = executionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        OutputKind.Display => new JsonObject
        {
            ["data"] = new JsonObject { ["text/plain"] = MultilineText.Write(output.Text) },
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        _ => throw new InvalidOperationException($"The runner never produces {output.Kind} outputs."),
    };
}
