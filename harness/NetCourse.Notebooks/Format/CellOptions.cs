using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetCourse.Notebooks.Format;

/// <summary>
/// How the runner treats one cell. Set in the cell's metadata
/// (<c>"netcourse": {"compare": false, "timeoutSeconds": 60}</c>) or, visibly to a reader, on the
/// cell's first line (<c>// netcourse: no-compare, timeout=60s</c>); the first line wins. Both are
/// invisible to the kernel: the first line is a C# comment, and Polyglot ignores unknown metadata.
/// </summary>
internal sealed partial record CellOptions(bool Compare, TimeSpan TimeLimit)
{
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(30);

    public static CellOptions For(NotebookCell cell)
    {
        var settings = cell.Metadata?.TryGetValue("netcourse", out var value) == true ? value as IDictionary<string, object> : null;
        var compare = Setting(settings, "compare", AsBool) ?? true;
        var seconds = Setting(settings, "timeoutSeconds", AsDouble);

        var firstLine = FirstLineMark().Match(cell.Source);
        if (firstLine.Success)
        {
            foreach (var word in firstLine.Groups["words"].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (word == "no-compare") compare = false;
                else if (TimeoutWord().Match(word) is { Success: true } t) seconds = double.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture);
                else throw new InvalidDataException($"cell {cell.Number}: unknown mark '{word}' (known: no-compare, timeout=Ns)");
            }
        }
        return new CellOptions(compare, seconds is { } s ? TimeSpan.FromSeconds(s) : DefaultTimeLimit);
    }

    private static T? Setting<T>(IDictionary<string, object>? settings, string name, Func<object, T?> read) where T : struct =>
        settings is not null && settings.TryGetValue(name, out var value) && value is not null ? read(value) : null;

    // The Documents reader hands metadata over as plain .NET values or as JSON elements.
    private static bool? AsBool(object value) => value switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    private static double? AsDouble(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } json => json.GetDouble(),
        IConvertible number and not string and not bool => number.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };

    [GeneratedRegex(@"\A[ \t]*//[ \t]*netcourse:(?<words>[^\r\n]*)")]
    private static partial Regex FirstLineMark();

    [GeneratedRegex(@"\Atimeout=(\d+(?:\.\d+)?)s?\z")]
    private static partial Regex TimeoutWord();
}
