namespace NetCourse.Lesson05;

/// <summary>
/// Decodes frames that end with a delimiter byte; the delimiter is not part of the frame.
/// </summary>
public sealed class DelimiterDecoder : IFrameDecoder
{
    public DelimiterDecoder(byte delimiter = (byte)'\n', int maxFrameSize = FrameLimits.DefaultMaxFrameSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFrameSize);
        Delimiter = delimiter;
        MaxFrameSize = maxFrameSize;
    }

    public byte Delimiter { get; }

    public int MaxFrameSize { get; }

    public void Feed(ReadOnlySpan<byte> piece, FrameHandler onFrame) =>
        throw new NotImplementedException("Task 4: split at each delimiter, keep the bytes after the last one for the next piece, and stop a frame that grows past MaxFrameSize.");

    public void Complete() =>
        throw new NotImplementedException("Task 4: throw TruncatedFrameException if bytes arrived after the last delimiter.");
}
