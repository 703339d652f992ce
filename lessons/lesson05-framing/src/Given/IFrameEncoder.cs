using System.Buffers;

namespace NetCourse.Lesson05;

/// <summary>Writes one message as one frame.</summary>
public interface IFrameEncoder
{
    /// <summary>Writes <paramref name="message"/>, framed, straight into <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The message cannot be framed by this codec.</exception>
    void Encode(ReadOnlySpan<byte> message, IBufferWriter<byte> output);
}
