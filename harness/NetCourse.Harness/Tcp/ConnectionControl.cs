using System.Net.Sockets;

namespace NetCourse.Harness.Tcp;

/// <summary>
/// The two sockets of one proxied connection and the one way to end it abruptly. A reset is
/// linger 0 then close, on both sides, so each peer sees a connection reset rather than an end
/// of stream; it also cancels both pumps.
/// </summary>
internal sealed class ConnectionControl(Socket client, CancellationToken proxyStopping) : IDisposable
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(proxyStopping);
    private int _reset;

    public Socket Client { get; } = client;
    public Socket? Server { get; set; }

    /// <summary>Cancelled when the connection is reset or the proxy stops.</summary>
    public CancellationToken Stopping => _stop.Token;

    public bool WasReset => Volatile.Read(ref _reset) == 1;

    public void Reset()
    {
        if (Interlocked.Exchange(ref _reset, 1) == 1) return;
        // Cancel first, so the pumps take the socket errors that follow as the stop they are.
        _stop.Cancel();
        Abort(Client);
        if (Server is { } server) Abort(server);
    }

    private static void Abort(Socket socket)
    {
        try { socket.LingerState = new LingerOption(true, 0); }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { /* already gone */ }
        socket.Dispose();
    }

    public void Dispose()
    {
        Client.Dispose();
        Server?.Dispose();
        _stop.Dispose();
    }
}
