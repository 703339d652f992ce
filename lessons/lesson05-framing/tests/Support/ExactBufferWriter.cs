using System.Buffers;

namespace NetCourse.Lesson05.Tests.Support;

/// <summary>
/// A writer as stingy as <see cref="IBufferWriter{T}"/> allows: <c>GetSpan(n)</c> hands out exactly
/// n bytes (one when n is 0), never the spare room <see cref="ArrayBufferWriter{T}"/> usually has.
/// An encoder that asks for less than it writes fails here, as it would against a pipe whose
/// segment happens to end at that size.
/// </summary>
public sealed class ExactBufferWriter : IBufferWriter<byte>
{
    private readonly List<byte> _written = [];
    private byte[] _lent = [];

    public byte[] Written => [.. _written];

    public Memory<byte> GetMemory(int sizeHint = 0) => _lent = new byte[Math.Max(sizeHint, 1)];

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public void Advance(int count)
    {
        if (count < 0 || count > _lent.Length)
            throw new InvalidOperationException($"Advance({count}) after GetSpan/GetMemory handed out {_lent.Length} bytes.");
        _written.AddRange(_lent.AsSpan(0, count));
        _lent = [];
    }
}
