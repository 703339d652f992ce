using System.Net;
using System.Net.Sockets;

namespace NetCourse.Harness.Servers;

/// <summary>
/// Loopback ports nobody is using right now. Prefer binding to port 0 and reading the port back:
/// a free port can be taken by someone else before it is used. These are for what cannot bind
/// itself: a command line that needs a port number, or "connect to a port where nobody listens".
/// </summary>
public static class FreePort
{
    public static int Tcp(AddressFamily family = AddressFamily.InterNetwork) => Find(family, SocketType.Stream, ProtocolType.Tcp);

    public static int Udp(AddressFamily family = AddressFamily.InterNetwork) => Find(family, SocketType.Dgram, ProtocolType.Udp);

    /// <summary>A loopback endpoint where nothing listens: connecting to it is refused.</summary>
    public static IPEndPoint UnusedTcpEndPoint(AddressFamily family = AddressFamily.InterNetwork) =>
        new(Loopback(family), Tcp(family));

    private static int Find(AddressFamily family, SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(family, type, protocol);
        socket.Bind(new IPEndPoint(Loopback(family), 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static IPAddress Loopback(AddressFamily family) =>
        family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
}
