namespace NetCourse.Lesson04;

/// <summary>Where a receiver stores files, and what it allows.</summary>
public sealed record ReceiverOptions(string Directory)
{
    /// <summary>Replace a file of the same name (only once the new one arrived intact).</summary>
    public bool AllowOverwrite { get; init; }

    /// <summary>The largest file accepted.</summary>
    public long MaxFileSize { get; init; } = long.MaxValue;
}
