using System.Net;

namespace NetCourse.Lesson10;

/// <summary>
/// A request body passed on as it arrives. StreamContent would do the copying, but the handler
/// buffers what it writes until its buffer fills or the body ends; a proxy must flush after every
/// read, or a slow upload (a chat message, a progress stream) sits in the gateway's memory.
/// </summary>
internal sealed class StreamingContent(Stream source, CancellationToken cancellationToken) : HttpContent
{
    private const int BufferSize = 16 * 1024;

    protected override async Task SerializeToStreamAsync(Stream target, TransportContext? context)
    {
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        // Unknown here; a Content-Length the client sent is copied onto the headers by the forwarder.
        length = 0;
        return false;
    }
}
