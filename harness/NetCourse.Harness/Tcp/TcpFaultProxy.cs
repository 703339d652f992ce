using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Harness.Faults;
using NetCourse.Harness.Diagnostics;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tcp;

/// <summary>
/// A TCP proxy on loopback that puts a hostile but reproducible network between a client and a
/// server: the client connects to <see cref="EndPoint"/>, the proxy connects to the server and
/// passes bytes both ways through the <see cref="TcpFaults"/> chosen for each direction.
/// <code>
/// await using var proxy = await TcpFaultProxy.StartAsync(server.EndPoint, faults => faults
///     .ClientToServer.SplitIntoSingleBytes()
///     .ServerToClient.Delay(TimeSpan.FromMilliseconds(5)));
/// </code>
/// One proxy per test; disposing it closes every connection and awaits every task it started.
/// Its event log is printed under the message of a failing test.
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly TcpFaults _faults;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskTracker _connections = new();
    private readonly List<TcpConnectionLog> _logs = [];
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Task _acceptLoop;

    private TcpFaultProxy(Socket listener, IPEndPoint server, TcpFaults faults, int seed)
    {
        _listener = listener;
        _faults = faults;
        Server = server;
        Seed = seed;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Starts a proxy in front of <paramref name="server"/> (a loopback endpoint).</summary>
    public static Task<TcpFaultProxy> StartAsync(IPEndPoint server, Action<TcpFaults>? configure = null)
    {
        ProxyStart.RequireLoopback(server);
        var faults = new TcpFaults();
        configure?.Invoke(faults);
        var listener = ProxyStart.BindLoopback(server, SocketType.Stream, ProtocolType.Tcp, socket => socket.Listen(128));
        var proxy = new TcpFaultProxy(listener, server, faults, ProxyStart.Seed(faults.Seed));
        FailureDiagnostics.Attach($"TCP fault proxy {proxy.EndPoint} → {server}", proxy.Describe);
        return Task.FromResult(proxy);
    }

    /// <summary>Where clients connect (127.0.0.1 or [::1], a port the system chose).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The server the proxy forwards to.</summary>
    public IPEndPoint Server { get; }

    /// <summary>The seed every random choice of this proxy derives from.</summary>
    public int Seed { get; }

    /// <summary>The connections accepted so far, in order, with their logs.</summary>
    public IReadOnlyList<TcpConnectionLog> Connections
    {
        get { lock (_logs) return [.. _logs]; }
    }

    /// <summary>The whole event log: faults, seed, and every connection's events.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"seed {Seed} {SeedText.Origin(_faults.Seed)}; faults:");
        text.AppendLine(_faults.ToString());
        var connections = Connections;
        if (connections.Count == 0) text.AppendLine("no connection was accepted");
        foreach (var connection in connections) text.AppendLine(connection.ToString());
        return text.ToString();
    }

    private async Task AcceptLoopAsync()
    {
        var ct = _stopping.Token;
        while (true)
        {
            Socket client;
            try { client = await _listener.AcceptAsync(ct).ConfigureAwait(false); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && ct.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // a client that gave up before we accepted it
            }

            TcpConnectionLog log;
            lock (_logs)
            {
                var index = _logs.Count;
                log = new TcpConnectionLog(index, (IPEndPoint)client.RemoteEndPoint!, FaultsText(index), _started);
                _logs.Add(log);
            }
            var connection = new ProxiedConnection(client, Server, _faults.ForConnection(log.Index), Seed, log, ct);
            if (!_connections.Run(connection.RunAsync)) client.Dispose();
        }
    }

    private string FaultsText(int index)
    {
        var faults = _faults.ForConnection(index);
        return faults.IsBlackHole ? "black hole"
            : $"client→server {faults.ClientToServer.Spec}; server→client {faults.ServerToClient.Spec}";
    }

    /// <summary>Stops accepting, closes every connection and awaits every task the proxy started.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        await _connections.WhenAllAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
