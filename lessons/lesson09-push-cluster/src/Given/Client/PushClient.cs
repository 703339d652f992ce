using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;

namespace NetCourse.Lesson09;

/// <summary>The node answered the WebSocket upgrade with an HTTP status instead of 101 (401: the
/// token was refused).</summary>
public sealed class PushRefusedException(HttpStatusCode status, string message, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode StatusCode { get; } = status;
}

/// <summary>
/// One user's application, as a browser tab would run it: connects to a push node with a token,
/// hands each message to the application once (dropping duplicates by id, across reconnections),
/// and acknowledges every message it receives — or, with <see cref="AutoAck"/> off, none: a
/// client whose acks are lost. What the application got is in <see cref="Received"/>.
/// </summary>
public sealed class PushClient : IAsyncDisposable
{
    // One handler for every client of the process: the upgrade requests share its settings and
    // the process needs no handler (and no connection pool) per client.
    private static readonly HttpMessageInvoker Invoker = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseProxy = false,
    });

    private readonly Lock _gate = new();
    private readonly HashSet<long> _seen = [];
    private readonly List<PushMessage> _received = [];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private ClientWebSocket? _socket;
    private Task _receiving = Task.CompletedTask;
    private int _duplicates;

    public PushClient(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        UserId = userId;
    }

    public string UserId { get; }

    /// <summary>Acknowledge each message as it arrives (true), or never (false). May change between connections.</summary>
    public bool AutoAck { get; set; } = true;

    /// <summary>The node that welcomed the current (or last) connection.</summary>
    public string? Node { get; private set; }

    public bool IsConnected => _socket?.State == WebSocketState.Open && !_receiving.IsCompleted;

    /// <summary>Completes when the current connection ends, however it ends.</summary>
    public Task Disconnected => _receiving;

    /// <summary>How the node closed the last connection (null: not closed by the node, or aborted).</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    /// <summary>Each message the application received, once, in order of arrival.</summary>
    public IReadOnlyList<PushMessage> Received
    {
        get { lock (_gate) return [.. _received]; }
    }

    public int ReceivedCount
    {
        get { lock (_gate) return _received.Count; }
    }

    /// <summary>Message frames that repeated an id already received, and were dropped.</summary>
    public int DuplicatesDropped => Volatile.Read(ref _duplicates);

    /// <summary>Raised (on the receiving thread) for each new message, before it is acknowledged.</summary>
    public event Action<PushClient, PushMessage>? MessageReceived;

    public bool HasReceived(long messageId)
    {
        lock (_gate) return _seen.Contains(messageId);
    }

    /// <summary><c>ws://host:port/ws?access_token=…</c> for a node at <paramref name="nodeAddress"/> (<c>http://host:port</c>).</summary>
    public static Uri WebSocketUri(string nodeAddress, string token)
    {
        var node = new UriBuilder(nodeAddress) { Scheme = nodeAddress.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? "wss" : "ws" };
        node.Path = WireProtocol.WebSocketPath;
        node.Query = $"{WireProtocol.TokenParameter}={Uri.EscapeDataString(token)}";
        return node.Uri;
    }

    /// <summary>
    /// Connects to the node at <paramref name="nodeAddress"/> and returns once it has welcomed the
    /// user (registered). Throws <see cref="PushRefusedException"/> when the node refuses the
    /// upgrade (401 for a bad token), <see cref="WebSocketException"/> when the connection fails or
    /// closes before the welcome.
    /// </summary>
    public async Task ConnectAsync(string nodeAddress, string token, CancellationToken cancellationToken = default)
    {
        if (_socket is not null && !_receiving.IsCompleted)
            throw new InvalidOperationException($"{UserId} is already connected; disconnect first.");
        _socket?.Dispose();

        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(WebSocketUri(nodeAddress, token), Invoker, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException e) when (socket.HttpStatusCode is not 0 and not HttpStatusCode.SwitchingProtocols)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new PushRefusedException(status, $"{nodeAddress} refused {UserId}'s WebSocket with {(int)status} {status}.", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var welcome = new TaskCompletionSource<WelcomeFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
        _socket = socket;
        CloseStatus = null;
        _receiving = Task.Run(() => ReceiveLoopAsync(socket, welcome));
        try
        {
            Node = (await welcome.Task.WaitAsync(cancellationToken).ConfigureAwait(false)).Node;
        }
        catch
        {
            socket.Abort();
            throw;
        }
    }

    /// <summary>Sends an ack for <paramref name="messageId"/> (with <see cref="AutoAck"/> off, or to test a node).</summary>
    public Task AckAsync(long messageId, CancellationToken cancellationToken = default)
    {
        var socket = _socket ?? throw new InvalidOperationException($"{UserId} is not connected.");
        return SendAsync(socket, new AckFrame(messageId), cancellationToken);
    }

    /// <summary>Closes the connection with the close handshake and waits until it has ended.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        if (_socket is not { } socket) return;
        try
        {
            await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (socket.State == WebSocketState.Open)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sending.Release();
            }
            await _receiving.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    /// <summary>Drops the connection without a close handshake, as a crashed tab would.</summary>
    public void Abort() => _socket?.Abort();

    public async ValueTask DisposeAsync()
    {
        _socket?.Abort();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket?.Dispose();
        _sending.Dispose();
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket, TaskCompletionSource<WelcomeFrame> welcome)
    {
        try
        {
            while (await ReceiveFrameAsync(socket).ConfigureAwait(false) is { } frame)
            {
                switch (frame)
                {
                    case WelcomeFrame w:
                        welcome.TrySetResult(w);
                        break;
                    case MessageFrame m:
                        var message = new PushMessage(m.Id, UserId, m.Body);
                        bool isNew;
                        lock (_gate)
                        {
                            isNew = _seen.Add(m.Id);
                            if (isNew) _received.Add(message);
                        }
                        if (isNew) MessageReceived?.Invoke(this, message);
                        else Interlocked.Increment(ref _duplicates);
                        // A duplicate is acknowledged too: its ack may be the one that was lost.
                        if (AutoAck) await SendAsync(socket, new AckFrame(m.Id), CancellationToken.None).ConfigureAwait(false);
                        break;
                }
            }
            CloseStatus = socket.CloseStatus;
            welcome.TrySetException(new WebSocketException(WebSocketError.ConnectionClosedPrematurely,
                $"The node closed {UserId}'s connection ({socket.CloseStatus} {socket.CloseStatusDescription}) before welcoming it."));
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException or JsonException)
        {
            welcome.TrySetException(e as WebSocketException ?? new WebSocketException(WebSocketError.ConnectionClosedPrematurely, e.Message, e));
        }
    }

    // The next frame, or null once the node has closed the connection (the handshake is answered).
    private async Task<ServerFrame?> ReceiveFrameAsync(ClientWebSocket socket)
    {
        var probe = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
        if (probe.MessageType == WebSocketMessageType.Close) return await AnswerCloseAsync(socket).ConfigureAwait(false);
        // An empty message is over already (reading on would wait for the next one), and is no frame.
        if (probe.EndOfMessage) throw new WebSocketException(WebSocketError.Faulted, "The node sent an empty message, which is no frame.");
        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= WireProtocol.MaxFrameBytes) throw new WebSocketException(WebSocketError.Faulted, "The node sent a frame over the size limit.");
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) return await AnswerCloseAsync(socket).ConfigureAwait(false);
                length += result.Count;
                if (result.EndOfMessage) break;
            }
            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), PushJson.Default.ServerFrame);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<ServerFrame?> AnswerCloseAsync(ClientWebSocket socket)
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
        return null;
    }

    private async Task SendAsync(ClientWebSocket socket, ClientFrame frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, PushJson.Default.ClientFrame);
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }
}
