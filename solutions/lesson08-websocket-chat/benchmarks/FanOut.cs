using System.Diagnostics;
using System.Net.WebSockets;

namespace NetCourse.Lesson08.Benchmarks;

/// <summary>
/// A room of <c>clients</c> receivers and one sender on a server (ChatServer or the naive one):
/// <see cref="SendOneAsync"/> sends one message and completes when every receiver has it,
/// recording when each one did.
/// </summary>
public sealed class FanOut : IAsyncDisposable
{
    private readonly IAsyncDisposable _server;
    private readonly ClientWebSocket _sender;
    private readonly List<ClientWebSocket> _receivers;
    private readonly List<Task> _receiving = [];
    private readonly long[] _arrivals;
    private TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;
    private volatile bool _counting;

    private FanOut(IAsyncDisposable server, ClientWebSocket sender, List<ClientWebSocket> receivers)
    {
        _server = server;
        _sender = sender;
        _receivers = receivers;
        _arrivals = new long[receivers.Count];
        for (var i = 0; i < receivers.Count; i++)
        {
            var index = i;
            _receiving.Add(Task.Run(() => ReceiveAsync(index)));
        }
    }

    public int Clients => _receivers.Count;

    public static async Task<FanOut> StartAsync(string server, int clients)
    {
        Uri address;
        IAsyncDisposable host;
        if (server == "naive")
        {
            var naive = new NaiveChatServer();
            address = await naive.StartAsync();
            host = naive;
        }
        else
        {
            var chat = new ChatServer(new ChatServerOptions { SendQueueCapacity = 1024 });
            address = await chat.StartAsync();
            host = chat;
        }

        var receivers = new List<ClientWebSocket>(clients);
        for (var start = 0; start < clients; start += 50)
            receivers.AddRange(await Task.WhenAll(Enumerable.Range(start, Math.Min(50, clients - start))
                .Select(i => ConnectAsync(address, $"r{i}"))));
        var sender = await ConnectAsync(address, "sender");
        var fanOut = new FanOut(host, sender, receivers);
        // Let the join notices drain before measuring anything.
        await Task.Delay(TimeSpan.FromSeconds(1));
        _ = fanOut.DrainSenderAsync();
        return fanOut;
    }

    /// <summary>Sends one message; completes when every receiver got it. Returns the send's timestamp.</summary>
    public async Task<long> SendOneAsync()
    {
        _allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _pending, _receivers.Count);
        _counting = true;
        var sent = Stopwatch.GetTimestamp();
        await _sender.SendAsync(ChatJson.Serialize(new ChatPost("fan-out")), WebSocketMessageType.Text, true, CancellationToken.None);
        await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _counting = false;
        return sent;
    }

    /// <summary>When each receiver got the last message (Stopwatch timestamps).</summary>
    public ReadOnlySpan<long> Arrivals => _arrivals;

    private static async Task<ClientWebSocket> ConnectAsync(Uri server, string nick)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(ChatNames.ChatUri(server, "lobby", nick), CancellationToken.None);
        return socket;
    }

    private async Task ReceiveAsync(int index)
    {
        var socket = _receivers[index];
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) return;
                // Join notices are short; "fan-out" messages are the only ones with a text.
                if (!result.EndOfMessage || !_counting || buffer.AsSpan(0, result.Count).IndexOf("fan-out"u8) < 0) continue;
                _arrivals[index] = Stopwatch.GetTimestamp();
                if (Interlocked.Decrement(ref _pending) == 0) _allArrived.TrySetResult();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Aborted at the end of the benchmark.
        }
    }

    // The sender's own copy of each message: read and ignored.
    private async Task DrainSenderAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while ((await _sender.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close) { }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Aborted at the end of the benchmark.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _receivers.Append(_sender)) socket.Abort();
        await Task.WhenAll(_receiving);
        await _server.DisposeAsync();
    }
}
