namespace NetCourse.Grader.Running;

/// <summary>A program to start: what, with which arguments, where, and the variables it adds.</summary>
public sealed record ProcessCommand(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>When set, the child starts with only <see cref="Environment"/> (and the SDK's quiet flags).</summary>
    public bool ClearEnvironment { get; init; }
}
