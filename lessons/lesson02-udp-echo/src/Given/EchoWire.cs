using System.Buffers.Binary;

namespace NetCourse.Lesson02;

/// <summary>
/// The client's datagram: an 8-byte big-endian request number, then the payload. The server
/// echoes it unchanged, so the reply carries the number of the request it answers.
/// </summary>
public static class EchoWire
{
    public const int HeaderSize = sizeof(ulong);

    /// <summary>The largest payload one datagram can carry after the header.</summary>
    public const int MaxPayload = Datagrams.MaxSize - HeaderSize;

    /// <summary>Writes the header and the payload into <paramref name="destination"/>; returns the datagram's length.</summary>
    public static int Write(ulong number, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, number);
        payload.CopyTo(destination[HeaderSize..]);
        return HeaderSize + payload.Length;
    }

    /// <summary>Reads a datagram; false when it is too short to hold a header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> datagram, out ulong number, out ReadOnlySpan<byte> payload)
    {
        if (datagram.Length < HeaderSize)
        {
            number = 0;
            payload = default;
            return false;
        }
        number = BinaryPrimitives.ReadUInt64BigEndian(datagram);
        payload = datagram[HeaderSize..];
        return true;
    }
}
