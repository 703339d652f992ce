using System.Net;
using System.Net.Sockets;
using NetCourse.Harness.Seeds;

namespace NetCourse.Harness.Faults;

/// <summary>
/// What starting the TCP and the UDP proxy have in common: a proxy forwards only to loopback,
/// takes its seed from its faults or else from the current test, and listens on the loopback
/// address of the server's family, on a port the system picks.
/// </summary>
internal static class ProxyStart
{
    public static void RequireLoopback(IPEndPoint server)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (!IPAddress.IsLoopback(server.Address))
            throw new ArgumentException($"The proxy only forwards to loopback, not {server}.", nameof(server));
    }

    public static int Seed(int? chosen) => chosen ?? TestSeed.ForCurrentTest();

    /// <summary>A socket bound to loopback port 0, then <paramref name="setUp"/>; disposed if either fails.</summary>
    public static Socket BindLoopback(IPEndPoint server, SocketType type, ProtocolType protocol, Action<Socket>? setUp = null)
    {
        var socket = new Socket(server.AddressFamily, type, protocol);
        try
        {
            var loopback = server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
            socket.Bind(new IPEndPoint(loopback, 0));
            setUp?.Invoke(socket);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
