using System.Text.Json;

namespace NetCourse.Grader.Building;

/// <summary>
/// What MSBuild answers to <c>-getProperty:NAME</c> (two or more of them) and
/// <c>-getTargetResult:TARGET</c>: one indented JSON object whose outer braces stand alone at the
/// start of a line, among whatever else the build printed (compiler errors, which may hold braces
/// of their own, are on other lines). The grader's one reader of it: the output paths come from
/// MSBuild, never re-derived from the layout Directory.Build.props happens to have.
/// </summary>
public sealed class MSBuildAnswer
{
    private readonly JsonElement _root;

    private MSBuildAnswer(JsonElement root) => _root = root;

    /// <summary>The answer in <paramref name="output"/>, or null when there is none (a failed build, a garbled line).</summary>
    public static MSBuildAnswer? Find(string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "{");
        var end = start < 0 ? -1 : Array.FindIndex(lines, start, l => l.TrimEnd() == "}");
        if (start < 0 || end < 0) return null;
        try
        {
            using var json = JsonDocument.Parse(string.Join('\n', lines[start..(end + 1)]));
            return new MSBuildAnswer(json.RootElement.Clone());
        }
        catch (JsonException) { return null; }
    }

    /// <summary>A property asked for with <c>-getProperty</c>; null when absent or empty.</summary>
    public string? Property(string name) =>
        _root.TryGetProperty("Properties", out var properties) && properties.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>The items a target returned (<c>-getTargetResult</c>), each as its metadata by name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TargetItems(string target)
    {
        if (!_root.TryGetProperty("TargetResults", out var results) || !results.TryGetProperty(target, out var result)
            || !result.TryGetProperty("Items", out var items) || items.ValueKind != JsonValueKind.Array) return [];
        return items.EnumerateArray()
            .Select(item => (IReadOnlyDictionary<string, string>)item.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal))
            .ToList();
    }
}
