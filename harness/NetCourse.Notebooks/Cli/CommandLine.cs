namespace NetCourse.Notebooks.Cli;

internal enum Command { Check, Update }

/// <summary>
/// <c>check|update [--repo DIR] [--results FILE] [notebook paths...]</c>; <see cref="Parse"/>
/// throws <see cref="UsageException"/> on anything else.
/// </summary>
internal sealed record CommandLine(Command Command, string? Repo, string? ResultsFile, IReadOnlyList<string> Notebooks)
{
    public const string Usage = """
        usage: NetCourse.Notebooks check  [--repo DIR] [--results FILE] [notebook.ipynb ...]
               NetCourse.Notebooks update [--repo DIR] [notebook.ipynb ...]
          check   runs every C# cell and compares the outputs with the stored ones
          update  runs every C# cell and stores the outputs in the notebook
          With no notebook, every notebooks/*.ipynb of the repository (default: the folder
          above the current one that holds NetCourse.sln or global.json).
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new UsageException("no command given");
        var command = args[0] switch
        {
            "check" => Command.Check,
            "update" => Command.Update,
            var other => throw new UsageException($"unknown command '{other}'"),
        };

        string? repo = null, results = null;
        var notebooks = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--repo": repo = Value(); break;
                case "--results" when command == Command.Check: results = Value(); break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"unknown option '{option}' for {args[0]}");
                default: notebooks.Add(args[i]); break;
            }
        }
        return new CommandLine(command, repo, results, notebooks);
    }
}

internal sealed class UsageException(string message) : Exception(message);
