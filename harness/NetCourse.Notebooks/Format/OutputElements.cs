using System.Collections;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;

namespace NetCourse.Notebooks.Format;

/// <summary>Converts between <see cref="CellOutput"/> and the output elements of Microsoft.DotNet.Interactive.Documents.</summary>
internal static class OutputElements
{
    public static CellOutput Read(InteractiveDocumentOutputElement element) => element switch
    {
        TextElement { Name: "stderr" } text => CellOutput.Stderr(text.Text ?? ""),
        TextElement text => CellOutput.Stdout(text.Text ?? ""),
        DisplayElement display => FromData(display.Data),
        // A notebook written by Jupyter may hold an execute_result; Polyglot would have stored a display_data.
        ReturnValueElement result => FromData(result.Data),
        ErrorElement error => new CellOutput(OutputKind.Other, $"error: {error.ErrorName}: {error.ErrorValue}"),
        _ => new CellOutput(OutputKind.Other, element.GetType().Name),
    };

    /// <summary>Lines that keep their "\n", as VS Code writes an output's text in the .ipynb.</summary>
    public static InteractiveDocumentOutputElement Write(CellOutput output) => output.Kind switch
    {
        OutputKind.Stdout => new TextElement(output.Text, "stdout"),
        OutputKind.Stderr => new TextElement(output.Text, "stderr"),
        OutputKind.Display => new DisplayElement(new Dictionary<string, object> { [output.MimeType] = Lines(output.Text) }),
        _ => throw new InvalidOperationException($"The runner never produces {output.Kind} outputs."),
    };

    /// <summary>
    /// The MIME type a reader sees: HTML where the output has it (VS Code renders the richest),
    /// else plain text, else the first one stored.
    /// </summary>
    public static string? PreferredMimeType(IEnumerable<string> mimeTypes)
    {
        var all = mimeTypes.ToList();
        return all.Contains(CellOutput.Html) ? CellOutput.Html : all.Contains(CellOutput.PlainText) ? CellOutput.PlainText : all.FirstOrDefault();
    }

    private static CellOutput FromData(IDictionary<string, object> data)
    {
        var mimeType = PreferredMimeType(data.Keys);
        return mimeType is null
            ? new CellOutput(OutputKind.Other, "display_data without data")
            : CellOutput.Display(TextOf(data[mimeType]), mimeType);
    }

    // nbformat's "multiline string": one string, or a list of lines that each keep their "\n".
    private static string TextOf(object? value) => value switch
    {
        null => "",
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString() ?? "",
        JsonElement { ValueKind: JsonValueKind.Array } json => string.Concat(json.EnumerateArray().Select(l => l.GetString())),
        IEnumerable lines => string.Concat(lines.Cast<object?>().Select(TextOf)),
        _ => JsonSerializer.Serialize(value),
    };

    private static string[] Lines(string text)
    {
        var lines = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return [.. lines];
    }
}
