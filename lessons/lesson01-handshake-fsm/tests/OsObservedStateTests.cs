using System.Net;

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

    [Test, Hint("See Hint 6.2: the table lists a dual-mode socket's connection as ::ffff:127.0.0.1; compare after MapToIPv4().")]
    public async Task Connection_listed_with_IPv4_mapped_addresses_is_found_by_its_IPv4_endpoints()
    {
        using var deadline = Deadline();
        await using var pair = await LoopbackPair.ConnectDualModeAsync(deadline.Token);
        var (local, remote) = (pair.ServerEndPoint, (IPEndPoint)pair.Server.RemoteEndPoint!);
        await OsPolling.ShouldReachAsync(AsIPv4(local), AsIPv4(remote), TcpState.Established,
            $"The dual-mode server's side is listed as {local} → {remote}, the same connection as its IPv4 form.");
    }

    [Test, Hint("See Hint 6.2: an endpoint asked for as ::ffff:127.0.0.1 is the IPv4 connection 127.0.0.1; compare after MapToIPv4().")]
    public async Task IPv4_connection_is_found_by_its_IPv4_mapped_endpoints()
    {
        using var deadline = Deadline();
        await using var pair = await LoopbackPair.ConnectAsync(deadline.Token);
        var (local, remote) = (AsMapped(pair.ClientEndPoint), AsMapped(pair.ServerEndPoint));
        await OsPolling.ShouldReachAsync(local, remote, TcpState.Established,
            $"{local} → {remote} names the IPv4 connection {pair.ClientEndPoint} → {pair.ServerEndPoint}.");
    }

    private static IPEndPoint AsIPv4(IPEndPoint endPoint) => new(endPoint.Address.MapToIPv4(), endPoint.Port);

    private static IPEndPoint AsMapped(IPEndPoint endPoint) => new(endPoint.Address.MapToIPv6(), endPoint.Port);

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
}
