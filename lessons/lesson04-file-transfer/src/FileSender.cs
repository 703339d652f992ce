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
    public static Task<TransferReply> SendAsync(Socket connection, string name, Stream content, long length,
        CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 3: header, wait for the reply, content through a 64 KiB buffer, SHA-256, Shutdown(Send), read the final reply.");

    /// <summary>Sends the file at <paramref name="path"/> under its own name (without folders).</summary>
    public static Task<TransferReply> SendFileAsync(Socket connection, string path, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 3: open the file as a stream (never read it whole) and send it under Path.GetFileName(path).");
}
