using System.Buffers;

namespace NetCourse.Lesson06;

/// <summary>The outcome of looking for one line in the bytes received so far.</summary>
public enum LineRead
{
    /// <summary>No complete line yet: read more.</summary>
    NeedMore,
    /// <summary>A complete line was taken from the buffer.</summary>
    Line,
    /// <summary>The line is longer than allowed (whether or not its end has arrived).</summary>
    TooLong,
}

/// <summary>
/// The wire format: UTF-8 lines ending in LF; a CR before the LF is dropped, so both Unix and
/// telnet-style (CRLF, RFC 854) clients work. Each request line gets exactly one reply line.
/// </summary>
public static class LineProtocol
{
    /// <summary>The request that ends a session; the server answers <see cref="Bye"/> and closes.</summary>
    public const string Stop = "STOP";
    public const string Bye = "BYE";
    /// <summary>Sent to the connection over the limit, which is then closed.</summary>
    public const string Busy = "ERR server busy";
    /// <summary>Sent when a line exceeds the maximum length; the connection is then closed.</summary>
    public const string LineTooLong = "ERR line too long";
    /// <summary>Sent when no line started within the idle timeout; the connection is then closed.</summary>
    public const string IdleTimeout = "ERR idle timeout";
    /// <summary>Sent when a started line did not end within the read timeout; the connection is then closed.</summary>
    public const string ReadTimeout = "ERR read timeout";

    /// <summary>
    /// Takes the first complete line out of <paramref name="buffer"/> (without its CR LF or LF),
    /// advancing <paramref name="buffer"/> past it. Reports <see cref="LineRead.TooLong"/> as soon
    /// as the line is known to exceed <paramref name="maxLength"/> bytes, so the caller never has
    /// to hold more than that.
    /// </summary>
    public static LineRead TryReadLine(ref ReadOnlySequence<byte> buffer, int maxLength, out ReadOnlySequence<byte> line) =>
        throw new NotImplementedException("Task 1: find the LF, slice the line before it (without a CR), advance the buffer past it; TooLong once the line exceeds maxLength.");
}
