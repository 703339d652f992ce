using NetCourse.Harness.Servers;

namespace NetCourse.Lesson10.Tests.Support;

/// <summary>
/// A loopback Kestrel whose requests one <see cref="HttpForwarder"/> (on a manual clock) forwards
/// to one backend, keeping what <see cref="HttpForwarder.ForwardAsync"/> returned, or threw, for
/// the first of them: the outcome the gateway hands to the breaker and the health monitor.
/// </summary>
internal sealed class ForwarderFront : IAsyncDisposable
{
    private readonly TaskCompletionSource<ForwardResult> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpForwarder _forwarder;
    private readonly Uri _backend;
    private KestrelHost? _host;

    private ForwarderFront(Uri backend)
    {
        _backend = backend;
        _forwarder = new HttpForwarder(new ManualClock());
    }

    public Uri Address => _host!.Address;

    /// <summary>The first request's result; faulted with what ForwardAsync threw, if it threw.</summary>
    public Task<ForwardResult> FirstResult => _first.Task;

    public static async Task<ForwarderFront> StartAsync(Uri backend)
    {
        var front = new ForwarderFront(backend);
        front._host = await KestrelHost.StartAsync(front.HandleAsync).WithDeadline();
        return front;
    }

    private async Task HandleAsync(HttpContext context)
    {
        try
        {
            _first.TrySetResult(await _forwarder.ForwardAsync(context, _backend, TimeSpan.FromMinutes(1)));
        }
        catch (Exception e)
        {
            _first.TrySetException(e);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _forwarder.Dispose();
    }
}

/// <summary>HTTP/1.1 by hand over a socket, for what an HttpClient cannot show: an upgrade, a broken connection.</summary>
internal static class RawExchange
{
    public static async Task<Socket> ConnectAsync(Uri server, string request, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Port), cancellationToken);
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads the status line and the headers, one byte at a time so nothing after them is taken.</summary>
    public static async Task<(int Status, IReadOnlyDictionary<string, string> Headers)> ReadHeadAsync(Socket socket, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await socket.ReceiveAsync(one, SocketFlags.None, cancellationToken) == 0) break;
            head.Append((char)one[0]);
        }
        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var parts = lines.Length > 0 ? lines[0].Split(' ') : [];
        var status = parts.Length >= 2 && int.TryParse(parts[1], out var code) ? code : 0;
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(pair => pair[1].Trim())), StringComparer.OrdinalIgnoreCase);
        return (status, headers);
    }

    /// <summary>Reads until the peer closes or resets the connection.</summary>
    public static async Task ReadToEndAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken) > 0) { }
        }
        catch (SocketException)
        {
            // A reset ends the connection as surely as a close.
        }
    }

    /// <summary>
    /// A backend by hand: it reads a request's head, writes <paramref name="response"/> and closes its
    /// side (a FIN, after every byte), then waits for the other side to close.
    /// </summary>
    public static Task<LoopbackTcpServer> StartBackendAsync(string response) =>
        LoopbackTcpServer.StartAsync(async (socket, token) =>
        {
            if (!await ReadRequestHeadAsync(socket, token)) return;
            await socket.SendAsync(Encoding.ASCII.GetBytes(response), SocketFlags.None, token);
            socket.Shutdown(SocketShutdown.Send);
            await ReadToEndAsync(socket, token);
        });

    /// <summary>Reads up to the blank line that ends a request's head; false if the peer closed first.</summary>
    public static async Task<bool> ReadRequestHeadAsync(Socket socket, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await socket.ReceiveAsync(one, SocketFlags.None, cancellationToken) == 0) return false;
            head.Append((char)one[0]);
        }
        return true;
    }

    public const string WebSocketHandshake =
        "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
}
