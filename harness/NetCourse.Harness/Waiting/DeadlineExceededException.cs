namespace NetCourse.Harness.Waiting;

/// <summary>A bounded wait ran out: the message names what was awaited and for how long.</summary>
public sealed class DeadlineExceededException(string message) : TimeoutException(message);
