using System.Text.Json.Nodes;

namespace NetCourse.Notebooks.Format;

/// <summary>
/// nbformat's "multiline string": either one string or a list of lines that each keep their
/// "\n". Notebooks hold both; the runner writes lists, as Jupyter and VS Code do.
/// </summary>
internal static class MultilineText
{
    public static string Read(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };

    public static JsonArray Write(string text)
    {
        var lines = new JsonArray();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }
}
