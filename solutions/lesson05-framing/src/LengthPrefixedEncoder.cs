using System.Buffers;
using System.Buffers.Binary;

namespace NetCourse.Lesson05;

/// <summary>
/// Frames a message as a 4-byte unsigned length in network byte order (big-endian, RFC 1700's
/// convention, as in most binary protocols) followed by the payload.
/// </summary>
public sealed class LengthPrefixedEncoder : IFrameEncoder
{
    public const int HeaderSize = 4;

    public void Encode(ReadOnlySpan<byte> message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // One GetSpan and one Advance: header and payload go straight into the writer's memory,
        // with no intermediate array.
        var frame = output.GetSpan(HeaderSize + message.Length);
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)message.Length);
        message.CopyTo(frame[HeaderSize..]);
        output.Advance(HeaderSize + message.Length);
    }
}
