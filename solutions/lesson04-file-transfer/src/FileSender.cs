using System.Net.Sockets;

namespace NetCourse.Lesson04;

/// <summary>
/// The sending side: announce, wait for the receiver's "ok", stream the content through a fixed
/// buffer with its checksum, half-close, and return the receiver's final verdict.
/// </summary>
public static class FileSender
{
    /// <summary>
    /// Sends <paramref name="content"/> (exactly <paramref name="length"/> bytes) as
    /// <paramref name="name"/> over a connected socket, and returns the receiver's reply: its
    /// refusal, or its final status. A broken connection is an <see cref="IOException"/>.
    /// </summary>
    public static async Task<TransferReply> SendAsync(Socket connection, string name, Stream content, long length,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(length);

        // NetworkStream turns socket errors into IOExceptions; the socket stays the caller's.
        await using var stream = new NetworkStream(connection, ownsSocket: false);
        await TransferWire.WriteHeaderAsync(stream, new FileHeader(name, length), cancellationToken).ConfigureAwait(false);

        // The Go version wrote the content right after the name: a receiver that refuses would
        // still get (and have to drain) the whole file. Wait for the verdict first.
        var answer = await TransferWire.ReadReplyAsync(stream, cancellationToken).ConfigureAwait(false);
        if (!answer.IsOk) return answer;

        var checksum = await Content.CopyAsync(content, length, stream, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(checksum, cancellationToken).ConfigureAwait(false);

        // Half-close: "no more bytes from me" (a FIN), while we can still read the verdict.
        connection.Shutdown(SocketShutdown.Send);
        return await TransferWire.ReadReplyAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the file at <paramref name="path"/> under its own name (without folders).</summary>
    public static async Task<TransferReply> SendFileAsync(Socket connection, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Streamed from disk with the fixed buffer: a 10 GiB file costs 64 KiB of memory.
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read,
            bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await SendAsync(connection, Path.GetFileName(path), file, file.Length, cancellationToken).ConfigureAwait(false);
    }
}
