using System.Globalization;

namespace NetCourse.Run;

/// <summary>
/// A lesson program's command line: options (<c>--name value</c> or <c>--name=value</c>) are taken
/// by name, what is left are the positional arguments; an option nobody took is an error.
/// </summary>
public sealed class ProgramArguments
{
    private readonly List<string> _rest;

    public ProgramArguments(IEnumerable<string> args) =>
        _rest = args.SelectMany(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')
            ? new[] { a[..a.IndexOf('=')], a[(a.IndexOf('=') + 1)..] }
            : [a]).ToList();

    public bool WantsHelp => _rest.Contains("--help") || _rest.Contains("-h");

    /// <summary><c>--port P</c>: 0 lets the system choose a free port.</summary>
    public int Port(int defaultPort)
    {
        var port = Int("--port", defaultPort);
        return port is >= 0 and <= 65535 ? port : throw new UsageError($"--port takes 0 to 65535, not {port}.");
    }

    public int Int(string name, int defaultValue) => Text(name) is { } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new UsageError($"{name} takes a whole number, not '{text}'.")
        : defaultValue;

    public TimeSpan Seconds(string name, double defaultSeconds) => Text(name) is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value) : throw new UsageError($"{name} takes seconds, e.g. 2.5, not '{text}'.")
        : TimeSpan.FromSeconds(defaultSeconds);

    public string? Text(string name)
    {
        var i = _rest.IndexOf(name);
        if (i < 0) return null;
        if (i + 1 >= _rest.Count) throw new UsageError($"{name} needs a value.");
        var value = _rest[i + 1];
        _rest.RemoveRange(i, 2);
        return value;
    }

    /// <summary>The first argument when it is a word, not an option: a command such as <c>send</c>.</summary>
    public string? Command => _rest.Count > 0 && !_rest[0].StartsWith('-') ? _rest[0] : null;

    public bool Flag(string name) => _rest.Remove(name);

    /// <summary>What is left once every option was taken; an unknown option is an error.</summary>
    public IReadOnlyList<string> Positionals()
    {
        if (_rest.FirstOrDefault(a => a.StartsWith('-') && a.Length > 1 && !double.TryParse(a, CultureInfo.InvariantCulture, out _)) is { } unknown)
            throw new UsageError($"unknown option '{unknown}'.");
        return _rest;
    }
}
