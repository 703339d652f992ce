using System.Net;
using System.Net.NetworkInformation;
using OsTcpState = System.Net.NetworkInformation.TcpState;

namespace NetCourse.Lesson01;

/// <summary>
/// What the operating system says about its real TCP connections: the <c>netstat -an</c> of
/// the Go material, read through <see cref="IPGlobalProperties"/>.
/// </summary>
public static class OsTcpStates
{
    /// <summary>
    /// The state the operating system reports for the connection between
    /// <paramref name="local"/> and <paramref name="remote"/>, or null when it lists no such
    /// connection (never opened, or gone for good).
    /// </summary>
    public static TcpState? Find(IPEndPoint local, IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        var (wantedLocal, wantedRemote) = (Normalize(local), Normalize(remote));

        // A snapshot of the system's table (on Linux, /proc/net/tcp and tcp6). A port pair names at
        // most one connection, so the first match is the one.
        foreach (var connection in IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections())
        {
            if (Normalize(connection.LocalEndPoint).Equals(wantedLocal) && Normalize(connection.RemoteEndPoint).Equals(wantedRemote))
                return ToLessonState(connection.State);
        }
        return null;
    }

    /// <summary>The lesson's name for an operating-system TCP state.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For <see cref="OsTcpState.Unknown"/>, which names no state of RFC 9293.</exception>
    public static TcpState ToLessonState(OsTcpState state) => state switch
    {
        OsTcpState.Closed => TcpState.Closed,
        OsTcpState.Listen => TcpState.Listen,
        OsTcpState.SynSent => TcpState.SynSent,
        OsTcpState.SynReceived => TcpState.SynReceived,
        OsTcpState.Established => TcpState.Established,
        OsTcpState.FinWait1 => TcpState.FinWait1,
        OsTcpState.FinWait2 => TcpState.FinWait2,
        OsTcpState.CloseWait => TcpState.CloseWait,
        OsTcpState.Closing => TcpState.Closing,
        OsTcpState.LastAck => TcpState.LastAck,
        OsTcpState.TimeWait => TcpState.TimeWait,
        // Windows only: the control block is being deleted, the connection is as good as CLOSED.
        OsTcpState.DeleteTcb => TcpState.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "The operating system reported no RFC 9293 state for this connection."),
    };

    // A dual-mode IPv6 socket shows an IPv4 peer as ::ffff:a.b.c.d; compare both forms as IPv4.
    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;
}
