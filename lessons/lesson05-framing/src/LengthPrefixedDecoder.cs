namespace NetCourse.Lesson05;

/// <summary>
/// Decodes frames written by <see cref="LengthPrefixedEncoder"/> from pieces of any size.
/// </summary>
public sealed class LengthPrefixedDecoder : IFrameDecoder
{
    // Given: the limit. Add the decoder's state yourself: the header bytes collected so far, the
    // announced length, the payload bytes collected so far...

    public LengthPrefixedDecoder(int maxFrameSize = FrameLimits.DefaultMaxFrameSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFrameSize);
        MaxFrameSize = maxFrameSize;
    }

    public int MaxFrameSize { get; }

    public void Feed(ReadOnlySpan<byte> piece, FrameHandler onFrame) =>
        throw new NotImplementedException("Task 2: collect the 4-byte header and then the payload across pieces, and call onFrame for every complete frame.");

    public void Complete() =>
        throw new NotImplementedException("Task 2: throw TruncatedFrameException if the stream ended after part of a header or payload.");
}
