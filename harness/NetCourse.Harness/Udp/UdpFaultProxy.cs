using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Harness.Faults;
using NetCourse.Harness.Diagnostics;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Udp;

/// <summary>
/// A UDP proxy on loopback that drops, duplicates, reorders and delays datagrams, per direction,
/// decided by each datagram's index from the seed. Clients send to <see cref="EndPoint"/>; each
/// client endpoint gets its own session towards the server.
/// <code>
/// await using var proxy = await UdpFaultProxy.StartAsync(server.EndPoint, faults => faults.Lossy());
/// </code>
/// Its event log is printed under the message of a failing test.
/// </summary>
public sealed class UdpFaultProxy : IAsyncDisposable
{
    internal const int MaxDatagram = 65_535;

    private readonly Socket _front;
    private readonly UdpFaults _faults;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskTracker _tasks = new();
    private readonly Dictionary<IPEndPoint, UdpSession> _sessions = [];
    private readonly List<UdpSession> _inOrder = [];
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Task _receiveLoop;

    private UdpFaultProxy(Socket front, IPEndPoint server, UdpFaults faults, int seed)
    {
        _front = front;
        _faults = faults;
        Server = server;
        Seed = seed;
        EndPoint = (IPEndPoint)front.LocalEndPoint!;
        _receiveLoop = ReceiveRequestsAsync();
    }

    public static Task<UdpFaultProxy> StartAsync(IPEndPoint server, Action<UdpFaults>? configure = null)
    {
        ProxyStart.RequireLoopback(server);
        var faults = new UdpFaults();
        configure?.Invoke(faults);
        var front = ProxyStart.BindLoopback(server, SocketType.Dgram, ProtocolType.Udp, socket =>
        {
            if (OperatingSystem.IsWindows())
            {
                // Windows reports an ICMP error from an earlier send as a reset on the next receive; ignore it.
                const int SIO_UDP_CONNRESET = -1744830452;
                socket.IOControl(SIO_UDP_CONNRESET, [0, 0, 0, 0], null);
            }
        });
        var proxy = new UdpFaultProxy(front, server, faults, ProxyStart.Seed(faults.Seed));
        FailureDiagnostics.Attach($"UDP fault proxy {proxy.EndPoint} → {server}", proxy.Describe);
        return Task.FromResult(proxy);
    }

    /// <summary>Where clients send their datagrams.</summary>
    public IPEndPoint EndPoint { get; }

    public IPEndPoint Server { get; }

    public int Seed { get; }

    /// <summary>One log per client endpoint, in the order they first sent.</summary>
    public IReadOnlyList<UdpSessionLog> Sessions
    {
        get { lock (_sessions) return [.. _inOrder.Select(s => s.Log)]; }
    }

    public string Describe()
    {
        var text = new StringBuilder($"seed {Seed} {SeedText.Origin(_faults.Seed)}; faults: {_faults}\n");
        var sessions = Sessions;
        if (sessions.Count == 0) text.AppendLine("no datagram arrived");
        foreach (var session in sessions) text.AppendLine(session.ToString());
        return text.ToString();
    }

    private async Task ReceiveRequestsAsync()
    {
        var ct = _stopping.Token;
        var buffer = new byte[MaxDatagram];
        EndPoint any = new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!ct.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try { received = await _front.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, any, ct).ConfigureAwait(false); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException) when (!ct.IsCancellationRequested) { continue; }
            catch (SocketException) { return; }

            var session = SessionFor((IPEndPoint)received.RemoteEndPoint, ct);
            if (session is null) return;
            await session.ClientToServer.ProcessAsync(buffer.AsSpan(0, received.ReceivedBytes).ToArray()).ConfigureAwait(false);
        }
    }

    private UdpSession? SessionFor(IPEndPoint client, CancellationToken ct)
    {
        lock (_sessions)
        {
            if (_sessions.TryGetValue(client, out var known)) return known;
            var session = new UdpSession(_inOrder.Count, client, Server, _front, _faults, Seed, _tasks, _started, ct);
            if (!_tasks.Run(() => session.ReceiveRepliesAsync(ct)))
            {
                session.Dispose();
                return null;
            }
            _sessions.Add(client, session);
            _inOrder.Add(session);
            return session;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        _front.Dispose();
        await _receiveLoop.ConfigureAwait(false);
        lock (_sessions)
            foreach (var session in _inOrder) session.Dispose();
        await _tasks.WhenAllAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
