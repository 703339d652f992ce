using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace NetCourse.Lesson05;

public static class FrameStreamExtensions
{
    private const int ReadBufferSize = 16 * 1024;

    /// <summary>
    /// Reads <paramref name="stream"/> to its end and yields every frame <paramref name="decoder"/>
    /// finds, each in its own array. The I/O loop only reads and feeds; all framing rules live in
    /// the decoder. A stream that ends inside a frame throws <see cref="TruncatedFrameException"/>
    /// after the last whole frame.
    /// </summary>
    public static async IAsyncEnumerable<byte[]> ReadFramesAsync(this Stream stream, IFrameDecoder decoder,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(decoder);

        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        var frames = new List<byte[]>();
        FrameHandler collect = frame => frames.Add(frame.ToArray());
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    // End of stream: a frame still in progress is an error, never a silent drop.
                    decoder.Complete();
                    yield break;
                }

                ExceptionDispatchInfo? error = null;
                try { decoder.Feed(buffer.AsSpan(0, read), collect); }
                catch (FramingException e) { error = ExceptionDispatchInfo.Capture(e); }

                // Frames completed before a framing error are still delivered, then the error.
                foreach (var frame in frames) yield return frame;
                frames.Clear();
                error?.Throw();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
