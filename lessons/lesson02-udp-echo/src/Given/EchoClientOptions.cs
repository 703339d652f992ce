namespace NetCourse.Lesson02;

/// <summary>How long the client waits for each attempt, and how many attempts it makes per request.</summary>
public sealed record EchoClientOptions(TimeSpan Timeout, int MaxAttempts)
{
    public static readonly EchoClientOptions Default = new(TimeSpan.FromSeconds(1), 5);
}
