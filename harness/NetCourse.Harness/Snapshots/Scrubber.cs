using System.Text.RegularExpressions;

namespace NetCourse.Harness.Snapshots;

/// <summary>
/// Replaces unstable text (ports, GUIDs, times) with stable placeholders before a snapshot is
/// compared. Numbered placeholders keep distinct values distinct, as Verify does: the first port
/// seen becomes <c>{port1}</c>, the next different one <c>{port2}</c>, the first again <c>{port1}</c>.
/// </summary>
public sealed class Scrubber
{
    private readonly Regex _pattern;
    private readonly Func<Match, Func<string, string>, string> _replace;

    private Scrubber(Regex pattern, Func<Match, Func<string, string>, string> replace)
    {
        _pattern = pattern;
        _replace = replace;
    }

    /// <summary>Replaces every match with <paramref name="replacement"/> (which may use $1 groups).</summary>
    public static Scrubber Replace(string pattern, string replacement) =>
        new(new Regex(pattern, RegexOptions.Multiline), (m, _) => m.Result(replacement));

    /// <summary>Replaces group 1 of every match with <c>{name1}</c>, <c>{name2}</c>… numbered by distinct value.</summary>
    public static Scrubber Numbered(string pattern, string name) =>
        new(new Regex(pattern, RegexOptions.Multiline), (m, number) =>
            m.Value[..(m.Groups[1].Index - m.Index)] + $"{{{name}{number(m.Groups[1].Value)}}}" + m.Value[(m.Groups[1].Index - m.Index + m.Groups[1].Length)..]);

    /// <summary>Ports of loopback and wildcard endpoints: <c>127.0.0.1:54321</c> → <c>127.0.0.1:{port1}</c>.</summary>
    public static Scrubber Ports { get; } = Numbered(@"(?:127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0|\[::\]):(\d{1,5})\b", "port");

    public static Scrubber Guids { get; } = Numbered(@"\b([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\b", "guid");

    /// <summary>ISO 8601 date-times: <c>2026-01-01T10:00:00Z</c> → <c>{datetime1}</c>.</summary>
    public static Scrubber DateTimes { get; } = Numbered(@"\b(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)", "datetime");

    /// <summary>Measured times: <c>12.345 ms</c>, <c>3 s</c>, <c>80 µs</c> → <c>{time}</c> (not numbered:
    /// no two measurements are equal anyway).</summary>
    public static Scrubber Durations { get; } = Replace(@"\b\d+(?:\.\d+)?\s?(?:ms|µs|us|ns|s)\b", "{time}");

    /// <summary>The scrubbers every snapshot gets unless it opts out: ports, GUIDs and date-times.</summary>
    public static IReadOnlyList<Scrubber> Defaults { get; } = [Ports, Guids, DateTimes];

    /// <summary>Applies the scrubbers in order; numbering is shared across all of them in one text.</summary>
    public static string Apply(string text, IEnumerable<Scrubber> scrubbers)
    {
        foreach (var scrubber in scrubbers)
        {
            var numbers = new Dictionary<string, int>();
            string Number(string value) => (numbers.TryGetValue(value, out var n) ? n : numbers[value] = numbers.Count + 1).ToString();
            text = scrubber._pattern.Replace(text, m => scrubber._replace(m, Number));
        }
        return text;
    }
}
