using System.Buffers;
using System.Net;
using System.Net.Sockets;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Servers;

/// <summary>
/// A TCP server for tests: loopback, a port the system chose, one handler task per connection,
/// all of them cancelled and awaited on dispose.
/// <code>
/// await using var server = await LoopbackTcpServer.StartEchoAsync();
/// await client.ConnectAsync(server.EndPoint);
/// </code>
/// </summary>
public sealed class LoopbackTcpServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly Func<Socket, CancellationToken, Task> _handle;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskTracker _connections = new();
    private readonly Task _acceptLoop;
    private int _accepted;
    private long _bytesReceived;

    private LoopbackTcpServer(Socket listener, Func<LoopbackTcpServer, Socket, CancellationToken, Task> handle)
    {
        _listener = listener;
        _handle = (socket, ct) => handle(this, socket, ct);
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Starts a server that runs <paramref name="handle"/> for each connection; the socket
    /// is closed when the handler returns, the token fires when the server is disposed.</summary>
    public static Task<LoopbackTcpServer> StartAsync(Func<Socket, CancellationToken, Task> handle,
        AddressFamily family = AddressFamily.InterNetwork) =>
        Start((_, socket, ct) => handle(socket, ct), family);

    /// <summary>Sends back everything it receives; at the client's end of stream it half-closes too.</summary>
    public static Task<LoopbackTcpServer> StartEchoAsync(AddressFamily family = AddressFamily.InterNetwork) =>
        Start((server, socket, ct) => server.PumpAsync(socket, echo: true, ct), family);

    /// <summary>Reads and discards everything (counted in <see cref="BytesReceived"/>); closes at
    /// the client's end of stream.</summary>
    public static Task<LoopbackTcpServer> StartSinkAsync(AddressFamily family = AddressFamily.InterNetwork) =>
        Start((server, socket, ct) => server.PumpAsync(socket, echo: false, ct), family);

    private static Task<LoopbackTcpServer> Start(Func<LoopbackTcpServer, Socket, CancellationToken, Task> handle, AddressFamily family)
    {
        var listener = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
            listener.Listen(128);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        return Task.FromResult(new LoopbackTcpServer(listener, handle));
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Bytes the echo or sink handlers received, over all connections.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    private async Task AcceptLoopAsync()
    {
        var ct = _stopping.Token;
        while (true)
        {
            Socket socket;
            try { socket = await _listener.AcceptAsync(ct).ConfigureAwait(false); }
            catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            catch (SocketException) { continue; }
            Interlocked.Increment(ref _accepted);
            if (!_connections.Run(() => HandleAsync(socket, ct))) socket.Dispose();
        }
    }

    private async Task HandleAsync(Socket socket, CancellationToken ct)
    {
        // Disposing the server closes the socket even if the handler ignores the token.
        await using var closeOnStop = ct.Register(socket.Dispose).ConfigureAwait(false);
        using (socket)
        {
            try { await _handle(socket, ct).ConfigureAwait(false); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or OperationCanceledException)
            {
                // A test server's peer going away is the test's business, not an error here.
            }
        }
    }

    private async Task PumpAsync(Socket socket, bool echo, CancellationToken ct)
    {
        socket.NoDelay = true;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, ct).ConfigureAwait(false)) > 0)
            {
                Interlocked.Add(ref _bytesReceived, read);
                if (echo) await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, ct).ConfigureAwait(false);
            }
            socket.Shutdown(SocketShutdown.Send);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

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
