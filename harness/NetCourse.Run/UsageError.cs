namespace NetCourse.Run;

/// <summary>The program's command line is wrong; the message says how (exit code 2, with the usage).</summary>
public sealed class UsageError(string message) : Exception(message);
