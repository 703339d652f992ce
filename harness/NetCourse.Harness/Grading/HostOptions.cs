namespace NetCourse.Harness.Grading;

internal sealed record HostOptions(string? EventsFile, IReadOnlySet<string> Skip, IReadOnlyList<string> Only, bool StopOnFailure)
{
    public static HostOptions Parse(string[] args)
    {
        string? events = null;
        var skip = new HashSet<string>(StringComparer.Ordinal);
        var only = new List<string>();
        var stop = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--events": events = Value(); break;
                case "--skip": skip.UnionWith(File.ReadAllLines(Value()).Where(l => l.Length > 0)); break;
                case "--only": only.Add(Value()); break;
                case "--stop-on-failure": stop = true; break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }
        return new HostOptions(events, skip, only, stop);
    }
}
