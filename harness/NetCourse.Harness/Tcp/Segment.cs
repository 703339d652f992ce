using System.Buffers;

namespace NetCourse.Harness.Tcp;

/// <summary>Bytes the proxy read in one receive (roughly one of the sender's writes), in a pooled
/// buffer, with the moment they arrived (the delay counts from there).</summary>
internal sealed class Segment(byte[] buffer, int length, long arrivedAt)
{
    private int _start;

    public long ArrivedAt { get; } = arrivedAt;
    public int Remaining => length - _start;
    public ReadOnlySpan<byte> Span => buffer.AsSpan(_start, Remaining);

    public void Consume(int count) => _start += count;

    public void Return() => ArrayPool<byte>.Shared.Return(buffer);
}
