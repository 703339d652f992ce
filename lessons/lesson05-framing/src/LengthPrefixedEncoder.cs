using System.Buffers;

namespace NetCourse.Lesson05;

/// <summary>
/// Frames a message as a 4-byte unsigned length in network byte order (big-endian) followed by
/// the payload.
/// </summary>
public sealed class LengthPrefixedEncoder : IFrameEncoder
{
    public const int HeaderSize = 4;

    public void Encode(ReadOnlySpan<byte> message, IBufferWriter<byte> output) =>
        throw new NotImplementedException("Task 1: write the 4-byte big-endian length, then the payload, into one span from output.GetSpan, and Advance once.");
}
