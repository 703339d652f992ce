namespace NetCourse.Lesson04;

/// <summary>
/// Decides whether a name from the network may become a file in the receiver's folder. The name
/// is untrusted input: it must name a file directly inside the folder, on every operating system
/// the course runs on.
/// </summary>
public static class FileNames
{
    /// <summary>Why <paramref name="name"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string name) =>
        throw new NotImplementedException("Task 1: return a reason for an empty, too long, '.', '..', separator, ':', control-character, trailing dot/space or reserved name; null for a safe one.");
}
