using System.Buffers.Binary;
using System.Text;

namespace NetCourse.Lesson04;

/// <summary>
/// Reads and writes the header and reply frames (see <see cref="Wire"/>). Reads never assume
/// that one read returns one frame: TCP may deliver the name one byte at a time.
/// </summary>
public static class TransferWire
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task WriteHeaderAsync(Stream stream, FileHeader header, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentOutOfRangeException.ThrowIfNegative(header.Length);
        var nameBytes = Utf8.GetByteCount(header.Name);
        if (nameBytes > Wire.MaxNameBytes)
            throw new ArgumentException($"The name has {nameBytes} UTF-8 bytes; the protocol allows {Wire.MaxNameBytes}.", nameof(header));

        var frame = new byte[Wire.FramePrefixSize + sizeof(long) + nameBytes];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(sizeof(long) + nameBytes));
        BinaryPrimitives.WriteInt64BigEndian(frame.AsSpan(Wire.FramePrefixSize), header.Length);
        Utf8.GetBytes(header.Name, frame.AsSpan(Wire.FramePrefixSize + sizeof(long)));
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<FileHeader> ReadHeaderAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var payload = await ReadFrameAsync(stream, "header", cancellationToken).ConfigureAwait(false);
        if (payload.Length < sizeof(long)) throw new TransferProtocolException("The header frame is too short to hold a file length.");
        var length = BinaryPrimitives.ReadInt64BigEndian(payload);
        if (length < 0) throw new TransferProtocolException($"The header announces a negative length ({length}).");
        return new FileHeader(Decode(payload.AsSpan(sizeof(long)), "file name"), length);
    }

    public static async Task WriteReplyAsync(Stream stream, TransferReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(reply);
        // A long message is cut to fit the frame (at a character boundary): it is for humans.
        var message = reply.Message;
        while (Utf8.GetByteCount(message) > Wire.MaxFrameSize - 1) message = message[..(message.Length / 2)];

        var frame = new byte[Wire.FramePrefixSize + 1 + Utf8.GetByteCount(message)];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(frame.Length - Wire.FramePrefixSize));
        frame[Wire.FramePrefixSize] = (byte)reply.Status;
        Utf8.GetBytes(message, frame.AsSpan(Wire.FramePrefixSize + 1));
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<TransferReply> ReadReplyAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var payload = await ReadFrameAsync(stream, "reply", cancellationToken).ConfigureAwait(false);
        if (payload.Length < 1) throw new TransferProtocolException("The reply frame is empty: it has no status byte.");
        var status = (TransferStatus)payload[0];
        if (!Enum.IsDefined(status)) throw new TransferProtocolException($"The reply carries an unknown status {payload[0]}.");
        return new TransferReply(status, Decode(payload.AsSpan(1), "reply message"));
    }

    private static async Task<byte[]> ReadFrameAsync(Stream stream, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prefix = new byte[Wire.FramePrefixSize];
        // ReadExactlyAsync loops over short reads: the one-Read-per-message habit breaks here.
        await ReadExactlyAsync(stream, prefix, what, cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix);
        if (length > Wire.MaxFrameSize)
            throw new TransferProtocolException($"The {what} frame announces {length} bytes; at most {Wire.MaxFrameSize} are allowed.");
        var payload = new byte[length];
        await ReadExactlyAsync(stream, payload, what, cancellationToken).ConfigureAwait(false);
        return payload;
    }

    private static async Task ReadExactlyAsync(Stream stream, byte[] buffer, string what, CancellationToken cancellationToken)
    {
        try { await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false); }
        catch (EndOfStreamException)
        {
            throw new TransferProtocolException($"The stream ended inside the {what} frame.");
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string what)
    {
        try { return Utf8.GetString(bytes); }
        catch (DecoderFallbackException) { throw new TransferProtocolException($"The {what} is not valid UTF-8."); }
    }
}
