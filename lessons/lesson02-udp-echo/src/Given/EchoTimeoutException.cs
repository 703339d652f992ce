namespace NetCourse.Lesson02;

/// <summary>No reply came after every attempt of the budget.</summary>
public sealed class EchoTimeoutException(string message, int attempts) : TimeoutException(message)
{
    /// <summary>How many requests were sent before giving up.</summary>
    public int Attempts { get; } = attempts;
}
