namespace NetCourse.Harness.Snapshots;

/// <summary>How one snapshot is named and scrubbed.
/// <code>Snapshot.Match(report, new SnapshotOptions().Named("empty").Scrub(Scrubber.Durations));</code></summary>
public sealed class SnapshotOptions
{
    private readonly List<Scrubber> _scrubbers = [.. Scrubber.Defaults];

    /// <summary>Suffix for tests with several snapshots (or test cases): <c>Class.Method_name.verified.txt</c>.</summary>
    public string? Name { get; private set; }

    /// <summary>The file extension of the snapshot (txt by default).</summary>
    public string Extension { get; private set; } = "txt";

    public IReadOnlyList<Scrubber> Scrubbers => _scrubbers;

    public SnapshotOptions Named(string name)
    {
        Name = name;
        return this;
    }

    public SnapshotOptions WithExtension(string extension)
    {
        Extension = extension.TrimStart('.');
        return this;
    }

    public SnapshotOptions Scrub(Scrubber scrubber)
    {
        _scrubbers.Add(scrubber);
        return this;
    }

    /// <summary>Replaces every match of a regular expression.</summary>
    public SnapshotOptions Scrub(string pattern, string replacement) => Scrub(Scrubber.Replace(pattern, replacement));

    /// <summary>Keeps ports, GUIDs and date-times as they are.</summary>
    public SnapshotOptions WithoutDefaultScrubbers()
    {
        _scrubbers.RemoveAll(Scrubber.Defaults.Contains);
        return this;
    }
}
