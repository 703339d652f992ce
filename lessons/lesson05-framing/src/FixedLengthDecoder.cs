namespace NetCourse.Lesson05;

/// <summary>
/// Decodes frames of exactly <see cref="FrameLength"/> bytes and hands out each message without
/// its trailing padding.
/// </summary>
public sealed class FixedLengthDecoder : IFrameDecoder
{
    public FixedLengthDecoder(int frameLength, byte padding = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameLength, 1);
        FrameLength = frameLength;
        Padding = padding;
    }

    public int FrameLength { get; }

    public byte Padding { get; }

    public int MaxFrameSize => FrameLength;

    public void Feed(ReadOnlySpan<byte> piece, FrameHandler onFrame) =>
        throw new NotImplementedException("Task 5: cut the stream into FrameLength-byte frames across pieces and hand out each without its trailing padding.");

    public void Complete() =>
        throw new NotImplementedException("Task 5: throw TruncatedFrameException if the stream ended inside a frame.");
}
