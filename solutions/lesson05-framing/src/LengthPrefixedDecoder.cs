using System.Buffers.Binary;

namespace NetCourse.Lesson05;

/// <summary>
/// Decodes frames written by <see cref="LengthPrefixedEncoder"/> from pieces of any size.
/// A frame that lies whole inside one piece is handed out as a slice of that piece (no copy);
/// only a frame that straddles pieces is gathered in a pooled buffer.
/// </summary>
public sealed class LengthPrefixedDecoder : IFrameDecoder
{
    private const int HeaderSize = LengthPrefixedEncoder.HeaderSize;

    private readonly byte[] _header = new byte[HeaderSize];
    private readonly PartialFrame _payload = new();
    private int _headerFilled;
    private int _payloadLength = -1; // -1 while reading a header
    private bool _failed;

    public LengthPrefixedDecoder(int maxFrameSize = FrameLimits.DefaultMaxFrameSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFrameSize);
        MaxFrameSize = maxFrameSize;
    }

    public int MaxFrameSize { get; }

    public void Feed(ReadOnlySpan<byte> piece, FrameHandler onFrame)
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        if (_failed) throw new InvalidOperationException("The decoder rejected its stream earlier; a new stream needs a new decoder.");

        while (true)
        {
            if (_payloadLength < 0)
            {
                if (_headerFilled == 0 && piece.Length >= HeaderSize)
                {
                    _payloadLength = CheckedLength(BinaryPrimitives.ReadUInt32BigEndian(piece));
                    piece = piece[HeaderSize..];
                }
                else
                {
                    // The header itself is split: collect its bytes until all four are here.
                    if (piece.IsEmpty) return;
                    var take = Math.Min(HeaderSize - _headerFilled, piece.Length);
                    piece[..take].CopyTo(_header.AsSpan(_headerFilled));
                    _headerFilled += take;
                    piece = piece[take..];
                    if (_headerFilled < HeaderSize) return;
                    _headerFilled = 0;
                    _payloadLength = CheckedLength(BinaryPrimitives.ReadUInt32BigEndian(_header));
                }
            }

            if (_payload.Count == 0 && piece.Length >= _payloadLength)
            {
                var frame = piece[.._payloadLength];
                piece = piece[_payloadLength..];
                _payloadLength = -1;
                onFrame(frame);
                continue;
            }

            if (piece.IsEmpty) return;
            _payload.Reserve(_payloadLength); // at most MaxFrameSize: the length was checked first
            var needed = Math.Min(_payloadLength - _payload.Count, piece.Length);
            _payload.Append(piece[..needed]);
            piece = piece[needed..];
            if (_payload.Count < _payloadLength) return;

            _payloadLength = -1;
            try { onFrame(_payload.Bytes); }
            finally { _payload.Clear(); }
        }
    }

    public void Complete()
    {
        if (_failed) return;
        if (_headerFilled > 0) throw new TruncatedFrameException(_headerFilled);
        if (_payloadLength >= 0) throw new TruncatedFrameException(HeaderSize + _payload.Count);
    }

    // The length is checked before a single payload byte is buffered: a hostile header announcing
    // 4 GiB costs nothing but this comparison.
    private int CheckedLength(uint length)
    {
        if (length <= (uint)MaxFrameSize) return (int)length;
        _failed = true;
        _payload.Clear();
        throw new FrameTooLargeException(length, MaxFrameSize);
    }
}
