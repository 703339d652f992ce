namespace NetCourse.Lesson05;

/// <summary>The byte stream does not follow the framing rules. It is an <see cref="IOException"/>:
/// code that reads a network stream already expects those.</summary>
public class FramingException(string message) : IOException(message);

/// <summary>A frame larger than the decoder's maximum: rejected before it is buffered.</summary>
public sealed class FrameTooLargeException(long length, int maxFrameSize)
    : FramingException($"A frame of {length} bytes exceeds the maximum frame size of {maxFrameSize} bytes; " +
                       "the stream is rejected before the frame is buffered.")
{
    /// <summary>The length the header announced, or how many bytes arrived without a delimiter.</summary>
    public long Length { get; } = length;

    public int MaxFrameSize { get; } = maxFrameSize;
}

/// <summary>The stream ended inside a frame: a message was cut off, and is an error, not a message.</summary>
public sealed class TruncatedFrameException(long receivedBytes)
    : FramingException($"The stream ended inside a frame: {receivedBytes} bytes of it had arrived " +
                       "and the rest never came.")
{
    /// <summary>How many bytes of the unfinished frame (framing bytes included) had arrived.</summary>
    public long ReceivedBytes { get; } = receivedBytes;
}
