using System.Buffers;

namespace NetCourse.Lesson05;

/// <summary>
/// The bytes of a frame that began in one piece and continues in the next. Only frames that
/// straddle a piece boundary are copied here; the buffer comes from <see cref="ArrayPool{T}"/>
/// and goes back after each frame, so a long stream allocates nothing per frame.
/// </summary>
internal sealed class PartialFrame
{
    private byte[] _buffer = [];

    public int Count { get; private set; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Count);

    /// <summary>Makes room for <paramref name="capacity"/> bytes in total (a known frame length:
    /// one rent, no regrowth).</summary>
    public void Reserve(int capacity)
    {
        if (capacity <= _buffer.Length) return;
        var larger = ArrayPool<byte>.Shared.Rent(capacity);
        Bytes.CopyTo(larger);
        Release();
        _buffer = larger;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        // Unknown final size (a delimited frame): double, so appending n bytes costs O(n) in total.
        if (Count + bytes.Length > _buffer.Length) Reserve(Math.Max(Count + bytes.Length, Math.Max(256, _buffer.Length * 2)));
        bytes.CopyTo(_buffer.AsSpan(Count));
        Count += bytes.Length;
    }

    /// <summary>Forgets the bytes and gives the buffer back to the pool.</summary>
    public void Clear()
    {
        Count = 0;
        Release();
    }

    private void Release()
    {
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
