using System.Text.RegularExpressions;

namespace NetCourse.Notebooks.Execution;

/// <summary>
/// Turns a cell's source into a script submission. Polyglot's own directives have no Roslyn
/// equivalent, so each is either dropped (a kernel selector naming C#) or refused with a sentence
/// that says why, instead of surfacing as a puzzling compile error.
/// </summary>
internal static partial class CellSource
{
    public static string Prepare(string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line is "#!csharp" or "#!c#" or "#!C#")
                lines[i] = ""; // blank, not removed: compile errors keep their line numbers
            else if (line.StartsWith("#!", StringComparison.Ordinal))
                throw new InvalidDataException($"line {i + 1}: the magic command '{line}' needs the Polyglot engine; the course's runner supports C# only");
            else if (NuGetReference().IsMatch(line))
                throw new InvalidDataException($"line {i + 1}: NuGet references need the Polyglot engine; use the .NET base library or #r a course assembly");
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^#r\s+""nuget:", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();
}
