using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NetCourse.Lesson04.Tests.Support;

/// <summary>The wire format written and read by the tests themselves, so a receiver test does not
/// depend on the learner's sender, nor a sender test on the learner's receiver.</summary>
public static class RawWire
{
    public static byte[] Header(string name, long length)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var frame = new byte[4 + 8 + nameBytes.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(8 + nameBytes.Length));
        BinaryPrimitives.WriteInt64BigEndian(frame.AsSpan(4), length);
        nameBytes.CopyTo(frame.AsSpan(12));
        return frame;
    }

    public static byte[] Reply(TransferStatus status, string message)
    {
        var text = Encoding.UTF8.GetBytes(message);
        var frame = new byte[4 + 1 + text.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(1 + text.Length));
        frame[4] = (byte)status;
        text.CopyTo(frame.AsSpan(5));
        return frame;
    }

    /// <summary>Content followed by its SHA-256: what follows the receiver's "ok".</summary>
    public static byte[] ContentAndChecksum(byte[] content) => [.. content, .. SHA256.HashData(content)];

    public static async Task<(TransferStatus Status, string Message)> ReadReplyAsync(Stream stream)
    {
        var prefix = new byte[4];
        await stream.ReadExactlyAsync(prefix).AsTask().WithDeadline(what: "the reply's length prefix");
        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(prefix)];
        await stream.ReadExactlyAsync(payload).AsTask().WithDeadline(what: "the reply's payload");
        return ((TransferStatus)payload[0], Encoding.UTF8.GetString(payload.AsSpan(1)));
    }

    public static async Task<(string Name, long Length)> ReadHeaderAsync(Stream stream)
    {
        var prefix = new byte[4];
        await stream.ReadExactlyAsync(prefix).AsTask().WithDeadline(what: "the header's length prefix");
        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(prefix)];
        await stream.ReadExactlyAsync(payload).AsTask().WithDeadline(what: "the header's payload");
        return (Encoding.UTF8.GetString(payload.AsSpan(8)), BinaryPrimitives.ReadInt64BigEndian(payload));
    }

    /// <summary>Reads to the end of stream (bounded by a deadline) and returns everything.</summary>
    public static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var all = new MemoryStream();
        await stream.CopyToAsync(all).WithDeadline(what: "the peer's end of stream");
        return all.ToArray();
    }
}
