namespace NetCourse.Lesson05;

public static class FrameStreamExtensions
{
    /// <summary>
    /// Reads <paramref name="stream"/> to its end and yields every frame <paramref name="decoder"/>
    /// finds, each in its own array. A stream that ends inside a frame throws
    /// <see cref="TruncatedFrameException"/> after the last whole frame.
    /// </summary>
    public static IAsyncEnumerable<byte[]> ReadFramesAsync(this Stream stream, IFrameDecoder decoder,
        CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 6: read into a buffer until end of stream, feed each read to the decoder, yield the frames, and call Complete at the end.");
}
