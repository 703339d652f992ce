namespace NetCourse.Lesson05;

/// <summary>
/// Decodes frames that end with a delimiter byte; the delimiter is not part of the frame.
/// The frame's length is unknown until its delimiter arrives, so the maximum frame size is
/// enforced on the bytes seen so far: a peer that never sends the delimiter is stopped at
/// <see cref="MaxFrameSize"/> bytes, not when memory runs out.
/// </summary>
public sealed class DelimiterDecoder : IFrameDecoder
{
    private readonly PartialFrame _partial = new();
    private bool _failed;

    public DelimiterDecoder(byte delimiter = (byte)'\n', int maxFrameSize = FrameLimits.DefaultMaxFrameSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFrameSize);
        Delimiter = delimiter;
        MaxFrameSize = maxFrameSize;
    }

    public byte Delimiter { get; }

    public int MaxFrameSize { get; }

    public void Feed(ReadOnlySpan<byte> piece, FrameHandler onFrame)
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        if (_failed) throw new InvalidOperationException("The decoder rejected its stream earlier; a new stream needs a new decoder.");

        while (!piece.IsEmpty)
        {
            var end = piece.IndexOf(Delimiter);
            if (end < 0)
            {
                CheckSize(_partial.Count + (long)piece.Length);
                _partial.Append(piece);
                return;
            }

            CheckSize(_partial.Count + (long)end);
            if (_partial.Count == 0)
            {
                onFrame(piece[..end]); // the whole frame is in this piece: no copy
            }
            else
            {
                _partial.Append(piece[..end]);
                try { onFrame(_partial.Bytes); }
                finally { _partial.Clear(); }
            }
            piece = piece[(end + 1)..];
        }
    }

    public void Complete()
    {
        if (!_failed && _partial.Count > 0) throw new TruncatedFrameException(_partial.Count);
    }

    // Checked before the bytes are buffered. MaxFrameSize bytes without a delimiter may still be
    // followed by it; one more cannot.
    private void CheckSize(long length)
    {
        if (length <= MaxFrameSize) return;
        _failed = true;
        _partial.Clear();
        throw new FrameTooLargeException(length, MaxFrameSize);
    }
}
