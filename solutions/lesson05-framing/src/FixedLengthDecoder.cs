namespace NetCourse.Lesson05;

/// <summary>
/// Decodes frames of exactly <see cref="FrameLength"/> bytes and hands out each message without
/// its trailing padding. The frame length is also the maximum frame size: nothing to announce,
/// nothing to overflow.
/// </summary>
public sealed class FixedLengthDecoder : IFrameDecoder
{
    private readonly PartialFrame _partial = new();

    public FixedLengthDecoder(int frameLength, byte padding = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameLength, 1);
        FrameLength = frameLength;
        Padding = padding;
    }

    public int FrameLength { get; }

    public byte Padding { get; }

    public int MaxFrameSize => FrameLength;

    public void Feed(ReadOnlySpan<byte> piece, FrameHandler onFrame)
    {
        ArgumentNullException.ThrowIfNull(onFrame);

        if (_partial.Count > 0)
        {
            var needed = Math.Min(FrameLength - _partial.Count, piece.Length);
            _partial.Append(piece[..needed]);
            piece = piece[needed..];
            if (_partial.Count < FrameLength) return;
            try { onFrame(_partial.Bytes.TrimEnd(Padding)); }
            finally { _partial.Clear(); }
        }

        // Whole frames inside the piece go out as slices of it.
        while (piece.Length >= FrameLength)
        {
            onFrame(piece[..FrameLength].TrimEnd(Padding));
            piece = piece[FrameLength..];
        }

        if (!piece.IsEmpty)
        {
            _partial.Reserve(FrameLength);
            _partial.Append(piece);
        }
    }

    public void Complete()
    {
        if (_partial.Count > 0) throw new TruncatedFrameException(_partial.Count);
    }
}
