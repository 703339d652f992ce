using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson02;

/// <summary>
/// Echoes every datagram back to the endpoint it came from. One socket and one loop serve every
/// client: UDP has no connections, so there is nothing to give a task of its own.
/// </summary>
public sealed class UdpEchoServer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _disposing = new();
    private Task? _running;

    /// <summary>Binds <paramref name="endpoint"/> at once (port 0 picks a free port; see <see cref="LocalEndPoint"/>).</summary>
    public UdpEchoServer(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                // Windows reports an ICMP error for an earlier reply as a reset on the next receive.
                const int SIO_UDP_CONNRESET = -1744830452;
                _socket.IOControl(SIO_UDP_CONNRESET, [0, 0, 0, 0], null);
            }
            _socket.Bind(endpoint);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>The endpoint actually bound: with port 0, the port the system chose.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>
    /// Echoes datagrams until <paramref name="cancellationToken"/> is cancelled or the server is
    /// disposed, then closes the socket and completes (cancellation is how it stops, not an error).
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
        if (Interlocked.CompareExchange(ref _running, Task.CompletedTask, null) is not null)
            throw new InvalidOperationException("The server is already running (or has run): one RunAsync per server.");
        return _running = EchoLoopAsync(cancellationToken);
    }

    private async Task EchoLoopAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        // A buffer of the largest datagram: a smaller one silently truncates what it cannot hold.
        var buffer = ArrayPool<byte>.Shared.Rent(Datagrams.MaxSize);
        // Filled in by every receive and reused: no allocation per datagram, not even for the address.
        var sender = new SocketAddress(_socket.AddressFamily);
        try
        {
            while (true)
            {
                int length;
                try
                {
                    length = await _socket.ReceiveFromAsync(buffer.AsMemory(0, Datagrams.MaxSize), SocketFlags.None, sender, stop.Token).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
                {
                    // An ICMP "port unreachable" for an earlier reply (a client that left): not ours to fix.
                    continue;
                }
                try
                {
                    // Reply to where THIS datagram came from: every datagram carries its own return address.
                    await _socket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, sender, stop.Token).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    // UDP promises nothing: a reply that cannot be sent is a lost reply, and the
                    // client's retry covers it. One bad peer must not stop the server for all.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Asked to stop: not an error.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _socket.Dispose();
        }
    }

    /// <summary>Stops the loop and releases the socket (and so the port).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposing.IsCancellationRequested) return;
        _disposing.Cancel();
        var running = Volatile.Read(ref _running);
        if (running is not null) await running.ConfigureAwait(false);
        _socket.Dispose();
        _disposing.Dispose();
    }
}
