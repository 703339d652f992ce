using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Harness.Tcp;

/// <summary>
/// How many bytes the receiving peer has not read yet, seen from the kernel's socket table
/// (<c>/proc/net/tcp</c>, Linux only). A gap between split pieces is not enough on a busy machine:
/// a receiver that is not scheduled for a few milliseconds finds two pieces waiting and reads
/// them as one. Waiting until it has read the previous piece makes "one piece per read" hold
/// whatever the load. Elsewhere (or if the table cannot be read) only the gap applies.
/// </summary>
internal static class PeerBacklog
{
    private static readonly bool Supported = OperatingSystem.IsLinux() && File.Exists("/proc/net/tcp");

    /// <summary>Unread bytes in the receive queue of the socket at the other end of
    /// <paramref name="socket"/>, or null when that cannot be known.</summary>
    public static int? Of(Socket socket)
    {
        if (!Supported) return null;
        try
        {
            if (socket.LocalEndPoint is not IPEndPoint local || socket.RemoteEndPoint is not IPEndPoint remote) return null;
            // The peer's row has our remote address as its local one, and the other way round.
            return Find("/proc/net/tcp", Row(remote, local, mapped: false))
                ?? Find("/proc/net/tcp6", Row(remote, local, mapped: local.AddressFamily == AddressFamily.InterNetwork));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or SocketException)
        {
            return null;
        }
    }

    private static string? Row(IPEndPoint local, IPEndPoint remote, bool mapped)
    {
        var l = Hex(local, mapped);
        var r = Hex(remote, mapped);
        return l is null || r is null ? null : $" {l} {r} ";
    }

    private static int? Find(string table, string? row)
    {
        if (row is null || !File.Exists(table)) return null;
        foreach (var line in File.ReadLines(table))
        {
            var at = line.IndexOf(row, StringComparison.Ordinal);
            if (at < 0) continue;
            // After the addresses: "st tx_queue:rx_queue", e.g. "01 00000000:00000003".
            var fields = line[(at + row.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var queues = fields[1].Split(':');
            return int.Parse(queues[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        return null;
    }

    // The kernel prints each 32-bit word of the address in host byte order (little-endian on
    // every platform .NET runs on), and the port in plain hex.
    private static string? Hex(IPEndPoint endPoint, bool mapped)
    {
        var address = mapped ? endPoint.Address.MapToIPv6() : endPoint.Address;
        var bytes = address.GetAddressBytes();
        if (bytes.Length is not (4 or 16)) return null;
        var words = new string[bytes.Length / 4];
        for (var i = 0; i < words.Length; i++)
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4)).ToString("X8", CultureInfo.InvariantCulture);
        return $"{string.Concat(words)}:{endPoint.Port:X4}";
    }
}
