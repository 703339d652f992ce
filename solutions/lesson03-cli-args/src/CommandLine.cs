namespace NetCourse.Lesson03;

/// <summary>
/// Turns the arguments a shell hands the program into a <see cref="Command"/>. C#'s
/// <c>args</c> holds only the arguments: unlike C's <c>argv</c> or Go's <c>os.Args</c>, the
/// program's own name is not <c>args[0]</c>.
/// </summary>
public static class CommandLine
{
    private const string Dir = "--dir";
    private const string Overwrite = "--overwrite";

    /// <summary>Parses <paramref name="args"/>; a <see cref="UsageException"/> says what is wrong with them.</summary>
    public static Command Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // Help wins over everything else before "--": someone who asks for help with a wrong
        // command line wants the help, not a complaint.
        if (args.TakeWhile(a => a != "--").Any(a => a is "-h" or "--help")) return new HelpCommand();

        var positionals = new List<string>();
        string? directory = null;
        var overwrite = false;
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            // Options and positionals mix in any order; "-" alone is a positional (stdin, by convention).
            if (optionsEnded || arg == "-" || !arg.StartsWith('-'))
            {
                positionals.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            var (name, inlineValue) = SplitInlineValue(arg);
            switch (name)
            {
                case Dir:
                    if (directory is not null) throw new UsageException($"option {Dir} is given more than once");
                    // "--dir DIR" takes the next argument whatever it looks like, as getopt does.
                    directory = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option {Dir} needs a value: {Dir} DIR"));
                    if (directory.Length == 0) throw new UsageException($"option {Dir} needs a value: {Dir} DIR");
                    break;
                case Overwrite:
                    if (inlineValue is not null) throw new UsageException($"option {Overwrite} takes no value");
                    overwrite = true;
                    break;
                default:
                    throw new UsageException($"unknown option '{name}'");
            }
        }

        if (positionals.Count == 0) throw new UsageException("missing command: send or receive");
        var operands = positionals.GetRange(1, positionals.Count - 1);
        return positionals[0] switch
        {
            "send" => ParseSend(operands, directory, overwrite),
            "receive" => ParseReceive(operands, directory, overwrite),
            var other => throw new UsageException($"unknown command '{other}': use send or receive"),
        };
    }

    private static SendCommand ParseSend(List<string> operands, string? directory, bool overwrite)
    {
        if (directory is not null) throw new UsageException($"send does not take {Dir}: the receiver chooses where files go");
        if (overwrite) throw new UsageException($"send does not take {Overwrite}: the receiver decides");
        RequireCount(operands, "send", "<file>", "<host:port>");
        if (operands[0].Length == 0) throw new UsageException("send: <file> is empty");
        return new SendCommand(operands[0], ParseValue(operands[1], "<host:port>", Endpoint.Parse));
    }

    private static ReceiveCommand ParseReceive(List<string> operands, string? directory, bool overwrite)
    {
        RequireCount(operands, "receive", "<port>");
        return new ReceiveCommand(ParseValue(operands[0], "<port>", Endpoint.ParsePort), directory, overwrite);
    }

    private static void RequireCount(List<string> operands, string command, params string[] names)
    {
        if (operands.Count < names.Length) throw new UsageException($"{command}: missing {names[operands.Count]}");
        if (operands.Count > names.Length) throw new UsageException($"{command}: unexpected argument '{operands[names.Length]}'");
    }

    private static T ParseValue<T>(string text, string what, Func<string, T> parse)
    {
        try { return parse(text); }
        catch (FormatException e) { throw new UsageException($"invalid {what} '{text}': {e.Message}"); }
    }

    // "--dir=x" carries its value inline; a short option such as "-h" never does.
    private static (string Name, string? Value) SplitInlineValue(string arg)
    {
        var equals = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
