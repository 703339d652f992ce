using System.Net;
using System.Net.Sockets;

namespace NetCourse.Harness.Servers;

/// <summary>A UDP echo server for tests: loopback, a port the system chose, every datagram sent
/// back to its sender; stopped and awaited on dispose.</summary>
public sealed class LoopbackUdpEchoServer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _received;

    private LoopbackUdpEchoServer(Socket socket)
    {
        _socket = socket;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _loop = EchoAsync();
    }

    public static Task<LoopbackUdpEchoServer> StartAsync(AddressFamily family = AddressFamily.InterNetwork)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        try { socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0)); }
        catch
        {
            socket.Dispose();
            throw;
        }
        return Task.FromResult(new LoopbackUdpEchoServer(socket));
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Datagrams received (and echoed) so far.</summary>
    public int Received => Volatile.Read(ref _received);

    private async Task EchoAsync()
    {
        var ct = _stopping.Token;
        var buffer = new byte[65_535];
        EndPoint any = new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var got = await _socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, any, ct).ConfigureAwait(false);
                Interlocked.Increment(ref _received);
                await _socket.SendToAsync(buffer.AsMemory(0, got.ReceivedBytes), SocketFlags.None, got.RemoteEndPoint, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException) { /* a peer's ICMP error: keep serving the others */ }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }
}
