using System.Collections;
using System.Globalization;

namespace NetCourse.Notebooks.Execution;

/// <summary>
/// The text/plain form of a displayed value, close to what the Polyglot C# kernel shows: strings
/// as they are, sequences as <c>[ a, b, c ]</c>, everything else through ToString. Numbers and
/// dates use the invariant culture so stored outputs do not depend on the machine's locale.
/// </summary>
internal static class PlainText
{
    private const int MaxItems = 20;

    public static string Format(object? value) => value switch
    {
        null => "<null>",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => FormatSequence(sequence),
        _ => value.ToString() ?? "",
    };

    private static string FormatSequence(IEnumerable sequence)
    {
        var items = sequence.Cast<object?>().Take(MaxItems + 1).Select(Format).ToList();
        if (items.Count > MaxItems) items[MaxItems] = "…";
        return items.Count == 0 ? "[ ]" : $"[ {string.Join(", ", items)} ]";
    }
}
