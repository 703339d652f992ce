using System.Buffers;

namespace NetCourse.Lesson05;

/// <summary>
/// Frames every message in exactly <see cref="FrameLength"/> bytes: the message, then padding
/// bytes up to the length. The decoder strips trailing padding, so a message may not end with
/// the padding byte (it could not be told apart from the padding).
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

    public void Encode(ReadOnlySpan<byte> message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (message.Length > FrameLength)
            throw new ArgumentException($"The message has {message.Length} bytes; a frame holds at most {FrameLength}.", nameof(message));
        if (!message.IsEmpty && message[^1] == Padding)
            throw new ArgumentException(
                $"The message ends with the padding byte 0x{Padding:X2}, which the receiver would strip as padding.", nameof(message));

        var frame = output.GetSpan(FrameLength)[..FrameLength];
        message.CopyTo(frame);
        frame[message.Length..].Fill(Padding);
        output.Advance(FrameLength);
    }
}
