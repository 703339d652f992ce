using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson10;

/// <summary>
/// A layer-4 proxy: every connection to <see cref="EndPoint"/> is spliced to one backend chosen per
/// connection. Bytes pass through untouched, and so does a half-close: when one side shuts down
/// its sending half, the proxy shuts down its own towards the other side and keeps the reverse
/// direction open until that side is done too.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly Socket _listener;
    private readonly IBalancer _balancer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _connections = [];
    private readonly Lock _gate = new();
    private readonly Task _acceptLoop;

    private TcpProxy(Socket listener, IBalancer balancer)
    {
        _listener = listener;
        _balancer = balancer;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = AcceptLoopAsync();
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0: a free port) and starts accepting.
    /// The backends' addresses are <c>tcp://host:port</c>.</summary>
    public static TcpProxy Start(IBalancer balancer, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(balancer);
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        return new TcpProxy(listener, balancer);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        Task[] running;
        lock (_gate) running = [.. _connections];
        await Task.WhenAll(running).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested) return;
                continue;
            }
            var connection = ServeAsync(client, _stopping.Token);
            lock (_gate) _connections.Add(connection);
            _ = connection.ContinueWith(t => { lock (_gate) _connections.Remove(t); }, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stopping)
    {
        using (client)
        {
            // Balanced per connection: the key is the client's address, for the consistent hash.
            var backend = _balancer.Pick(((IPEndPoint)client.RemoteEndPoint!).Address.ToString());
            if (backend is null)
            {
                Reset(client);
                return;
            }
            using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await server.ConnectAsync(backend.Address.Host, backend.Address.Port, stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // The client must not mistake "no backend" for "the backend closed politely".
                Reset(client);
                return;
            }
            await Task.WhenAll(SpliceAsync(client, server, stopping), SpliceAsync(server, client, stopping)).ConfigureAwait(false);
        }
    }

    // One direction: read until the sender's end of stream, then pass the end on with
    // Shutdown(Send) — never Close, which would also end the other direction.
    private static async Task SpliceAsync(Socket from, Socket to, CancellationToken stopping)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, stopping).ConfigureAwait(false)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stopping).ConfigureAwait(false);
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A reset on one side is passed on as a reset on the other.
            Reset(to);
            Reset(from);
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
