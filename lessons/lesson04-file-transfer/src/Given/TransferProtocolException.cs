namespace NetCourse.Lesson04;

/// <summary>The peer broke the wire format (a frame too large, a truncated frame, bytes after the end).</summary>
public sealed class TransferProtocolException(string message) : IOException(message);
