using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetCourse.Lesson06.Benchmarks;

/// <summary>
/// The baseline: the Go material's server as most people first port it. One task per connection
/// and a StreamReader per client; no limits, no timeouts, no graceful shutdown.
/// </summary>
public sealed class NaiveServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _acceptLoop;

    public NaiveServer()
    {
        _listener.Start(1024);
        _acceptLoop = AcceptLoopAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public int Connected
    {
        get { lock (_clients) return _clients.Count; }
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients) _clients.Add(client);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
    }

    private static async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
            while (await reader.ReadLineAsync() is { } line && line != "STOP")
                await writer.WriteLineAsync(Random.Shared.Next().ToString());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        lock (_clients) _clients.ForEach(c => c.Dispose());
    }
}
