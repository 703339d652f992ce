using System.Buffers;

namespace NetCourse.Lesson05;

/// <summary>Frames a message by writing a delimiter byte after it (<c>\n</c> by default, as line
/// protocols such as SMTP's and Redis's inline commands do).</summary>
public sealed class DelimiterEncoder(byte delimiter = (byte)'\n') : IFrameEncoder
{
    public byte Delimiter { get; } = delimiter;

    public void Encode(ReadOnlySpan<byte> message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // A delimiter inside the message would end the frame early at the receiver: refuse it
        // rather than send two broken messages.
        var inside = message.IndexOf(Delimiter);
        if (inside >= 0)
            throw new ArgumentException(
                $"The message contains the delimiter byte 0x{Delimiter:X2} at offset {inside}; escape it or use a length-prefixed codec.",
                nameof(message));

        var frame = output.GetSpan(message.Length + 1);
        message.CopyTo(frame);
        frame[message.Length] = Delimiter;
        output.Advance(message.Length + 1);
    }
}
