namespace NetCourse.Lesson04;

/// <summary>
/// Reads and writes the header and reply frames (see <see cref="Wire"/>). Reads never assume
/// that one read returns one frame: TCP may deliver the name one byte at a time.
/// </summary>
public static class TransferWire
{
    public static Task WriteHeaderAsync(Stream stream, FileHeader header, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 2: write the header frame: u32 payload length, u64 file length, UTF-8 name (all big-endian).");

    public static Task<FileHeader> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 2: read exactly 4 prefix bytes, check the length, read exactly that many, decode length and name.");

    public static Task WriteReplyAsync(Stream stream, TransferReply reply, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 2: write the reply frame: u32 payload length, status byte, UTF-8 message.");

    public static Task<TransferReply> ReadReplyAsync(Stream stream, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 2: read a whole reply frame, however the bytes are split, and decode status and message.");
}
