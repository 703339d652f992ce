using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson01.Tests;

// Real sockets on loopback: every test has a deadline and disposes what it opens.
[Task(6)]
public class OsObservedStateTests
{
    private static CancellationTokenSource Deadline() => new(OsPolling.Deadline);

    [Test, Hint("See Hint 6.2: compare both the local and the remote endpoint of each TcpConnectionInformation.")]
    public async Task Open_connection_is_ESTABLISHED()
    {
        using var deadline = Deadline();
        await using var pair = await LoopbackPair.ConnectAsync(deadline.Token);
        await OsPolling.ShouldReachAsync(pair.ClientEndPoint, pair.ServerEndPoint, TcpState.Established,
            "A connected socket is ESTABLISHED.");
    }

    [Test, Hint("See Hint 6.2: return null when no connection has both endpoints.")]
    public async Task Find_returns_null_for_a_connection_that_does_not_exist()
    {
        using var deadline = Deadline();
        await using var pair = await LoopbackPair.ConnectAsync(deadline.Token);
        var wrongPeer = new IPEndPoint(pair.ServerEndPoint.Address, pair.ServerEndPoint.Port == 1 ? 2 : 1);
        OsTcpStates.Find(pair.ClientEndPoint, wrongPeer).ShouldBeNull("No connection joins the client's endpoint to that port.");
    }

    [Test, Points(3), Hint("See Hint 6.3: the side that closes first keeps the port pair in TIME-WAIT after the other side closes too.")]
    public async Task Side_that_closes_first_ends_in_TIME_WAIT()
    {
        using var deadline = Deadline();
        await using var pair = await LoopbackPair.ConnectAsync(deadline.Token);
        await pair.CloseClientFirstAsync(deadline.Token);
        pair.Server.Dispose();
        await OsPolling.ShouldReachAsync(pair.ClientEndPoint, pair.ServerEndPoint, TcpState.TimeWait,
            "The client closed first, then the server: the client's side waits in TIME-WAIT.");
    }

    [Test, Points(3), Hint("See Hint 6.3: a peer that read the FIN but never closes stays in CLOSE-WAIT.")]
    public async Task Peer_that_never_closes_stays_in_CLOSE_WAIT()
    {
        using var deadline = Deadline();
        await using var pair = await LoopbackPair.ConnectAsync(deadline.Token);
        await pair.CloseClientFirstAsync(deadline.Token);
        await OsPolling.ShouldReachAsync(pair.ServerEndPoint, pair.ClientEndPoint, TcpState.CloseWait,
            "The client closed, the server did not: the server's side is in CLOSE-WAIT.");
    }

    [Test, Hint("See Hint 6.3: the closer's FIN is acknowledged but the peer sends no FIN: FIN-WAIT-2.")]
    public async Task Side_that_closes_first_waits_in_FIN_WAIT_2_while_the_peer_stays_open()
    {
        using var deadline = Deadline();
        await using var pair = await LoopbackPair.ConnectAsync(deadline.Token);
        await pair.CloseClientFirstAsync(deadline.Token);
        await OsPolling.ShouldReachAsync(pair.ClientEndPoint, pair.ServerEndPoint, TcpState.FinWait2,
            "The client closed, the server did not: the client's side waits for the server's FIN in FIN-WAIT-2.");
    }
    [Test, Hint("See Hint 6.2: a dual-mode IPv6 socket's side of a connection is listed as ::ffff:127.0.0.1; compare addresses after MapToIPv4().")]
    public async Task Connection_accepted_by_a_dual_mode_socket_is_found_by_its_IPv4_endpoints()
    {
        using var deadline = Deadline();
        // Loopback only: the listener is bound to ::ffff:127.0.0.1, the IPv4 loopback seen from IPv6.
        using var listener = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
        listener.Bind(new IPEndPoint(IPAddress.Loopback.MapToIPv6(), 0));
        listener.Listen();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var serverEndPoint = new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndPoint!).Port);
        var connect = client.ConnectAsync(serverEndPoint, deadline.Token);
        using var server = await listener.AcceptAsync(deadline.Token);
        await connect;

        await OsPolling.ShouldReachAsync(serverEndPoint, (IPEndPoint)client.LocalEndPoint!, TcpState.Established,
            "The server's side of this connection belongs to a dual-mode IPv6 socket, listed with ::ffff:127.0.0.1 addresses.");
    }
}
