using System.Buffers;

namespace NetCourse.Lesson05;

/// <summary>Frames a message by writing a delimiter byte after it (<c>\n</c> by default).</summary>
public sealed class DelimiterEncoder(byte delimiter = (byte)'\n') : IFrameEncoder
{
    public byte Delimiter { get; } = delimiter;

    public void Encode(ReadOnlySpan<byte> message, IBufferWriter<byte> output) =>
        throw new NotImplementedException("Task 4: refuse a message that contains the delimiter (ArgumentException), else write the message and the delimiter.");
}
