using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NetCourse.Notebooks.Format;

/// <summary>
/// How the runner treats one cell. Set in the cell's metadata
/// (<c>"netcourse": {"compare": false, "timeoutSeconds": 60}</c>) or, visibly to a reader, on the
/// cell's first line (<c>// netcourse: no-compare, timeout=60s</c>); the first line wins.
/// </summary>
internal sealed partial record CellOptions(bool Compare, TimeSpan TimeLimit)
{
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(30);

    public static CellOptions For(NotebookCell cell)
    {
        var settings = cell.Metadata?["netcourse"] as JsonObject;
        var compare = (bool?)settings?["compare"] ?? true;
        var seconds = (double?)settings?["timeoutSeconds"];

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

    [GeneratedRegex(@"\A[ \t]*//[ \t]*netcourse:(?<words>[^\r\n]*)")]
    private static partial Regex FirstLineMark();

    [GeneratedRegex(@"\Atimeout=(\d+(?:\.\d+)?)s?\z")]
    private static partial Regex TimeoutWord();
}
