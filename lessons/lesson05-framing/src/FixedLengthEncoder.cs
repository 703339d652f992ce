using System.Buffers;

namespace NetCourse.Lesson05;

/// <summary>
/// Frames every message in exactly <see cref="FrameLength"/> bytes: the message, then padding
/// bytes up to the length. The decoder strips trailing padding, so a message may not end with
/// the padding byte.
/// </summary>
public sealed class FixedLengthEncoder : IFrameEncoder
{
    public FixedLengthEncoder(int frameLength, byte padding = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameLength, 1);
        FrameLength = frameLength;
        Padding = padding;
    }

    public int FrameLength { get; }

    public byte Padding { get; }

    public void Encode(ReadOnlySpan<byte> message, IBufferWriter<byte> output) =>
        throw new NotImplementedException("Task 5: refuse a message longer than FrameLength or ending with the padding byte; write it and pad to FrameLength.");
}
