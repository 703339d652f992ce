using System.Text;

namespace NetCourse.TestHost;

/// <summary>Turns test names written as sentences (<c>Passive_open_moves_to_LISTEN</c>) into prose.</summary>
public static class ReadableNames
{
    public static string ForTest(string methodNameWithArguments)
    {
        var open = methodNameWithArguments.IndexOf('(');
        var method = open < 0 ? methodNameWithArguments : methodNameWithArguments[..open];
        var arguments = open < 0 ? "" : " " + methodNameWithArguments[open..];
        var text = method.Replace('_', ' ').Trim();
        return text.Length == 0 ? methodNameWithArguments : char.ToUpperInvariant(text[0]) + text[1..] + arguments;
    }

    /// <summary><c>SimultaneousCloseTests</c> becomes <c>Simultaneous close</c>.</summary>
    public static string ForFixture(string className)
    {
        var name = className.EndsWith("Tests", StringComparison.Ordinal) ? className[..^5] : className;
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord) builder.Append(' ');
            builder.Append(builder.Length > 0 && startsWord && i + 1 < name.Length && char.IsLower(name[i + 1]) ? char.ToLowerInvariant(c) : c);
        }
        return builder.ToString().Replace('_', ' ');
    }
}
