using System.Net;
using System.Net.Sockets;
using NetCourse.Harness.Faults;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Udp;

/// <summary>One client endpoint's traffic: its own socket towards the server (so the server sees
/// one peer per client and its replies find their way back), and a shaper per direction.</summary>
internal sealed class UdpSession : IDisposable
{
    private readonly Socket _upstream;

    public UdpSession(int index, IPEndPoint client, IPEndPoint server, Socket front, UdpFaults faults, int seed,
        TaskTracker tracker, long start, CancellationToken ct)
    {
        Log = new UdpSessionLog(index, client, start);
        _upstream = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _upstream.Bind(new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        _upstream.Connect(server);

        ClientToServer = Shaper(Direction.ClientToServer, (data, token) => SendAsync(_upstream, data, null, token));
        ServerToClient = Shaper(Direction.ServerToClient, (data, token) => SendAsync(front, data, client, token));

        UdpDirectionShaper Shaper(Direction direction, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> send)
        {
            var spec = faults.SpecFor(direction);
            return new UdpDirectionShaper(new UdpDirectionPlan(seed, index, direction, spec), spec, send,
                direction == Direction.ClientToServer ? Log.ClientToServer : Log.ServerToClient, tracker, ct);
        }
    }

    public UdpSessionLog Log { get; }
    public UdpDirectionShaper ClientToServer { get; }
    public UdpDirectionShaper ServerToClient { get; }

    private static async ValueTask SendAsync(Socket socket, ReadOnlyMemory<byte> data, IPEndPoint? to, CancellationToken ct)
    {
        if (to is null) await socket.SendAsync(data, SocketFlags.None, ct).ConfigureAwait(false);
        else await socket.SendToAsync(data, SocketFlags.None, to, ct).ConfigureAwait(false);
    }

    /// <summary>Receives the server's replies until the proxy stops.</summary>
    public async Task ReceiveRepliesAsync(CancellationToken ct)
    {
        var buffer = new byte[UdpFaultProxy.MaxDatagram];
        while (!ct.IsCancellationRequested)
        {
            int read;
            try { read = await _upstream.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, ct).ConfigureAwait(false); }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
            {
                // An ICMP "port unreachable" for an earlier request: the server is not there (yet).
                Log.ServerToClient.Note("the server's port is unreachable");
                continue;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            await ServerToClient.ProcessAsync(buffer.AsSpan(0, read).ToArray()).ConfigureAwait(false);
        }
    }

    public void Dispose() => _upstream.Dispose();
}
