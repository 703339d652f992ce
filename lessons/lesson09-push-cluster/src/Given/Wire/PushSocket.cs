using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NetCourse.Lesson09;

/// <summary>
/// A node's side of one client's WebSocket, speaking the cluster's frames: JSON text messages,
/// one frame per message. It enforces WebSocket's rule of one send at a time (a heartbeat's
/// close, a delivery and the replay of pending messages may all want to send at once) and turns
/// every way a conversation can end into one answer: <see cref="ReceiveAsync"/> returns null.
/// </summary>
public sealed class PushSocket : IAsyncDisposable
{
    // Pings keep idle connections open through NATs and find clients that vanished without a FIN.
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);

    public PushSocket(WebSocket socket) => _socket = socket ?? throw new ArgumentNullException(nameof(socket));

    /// <summary>Completes the opening handshake of a WebSocket request (answers 101 Switching Protocols).</summary>
    public static async Task<PushSocket> AcceptAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = KeepAlive }).ConfigureAwait(false);
        return new PushSocket(socket);
    }

    public WebSocketState State => _socket.State;

    /// <summary>Sends one frame; concurrent callers take turns. Throws <see cref="WebSocketException"/>
    /// (or <see cref="OperationCanceledException"/>) when the connection is gone.</summary>
    public async Task SendAsync(ServerFrame frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, PushJson.Default.ServerFrame);
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// The client's next frame, or null when the conversation is over: the client closed (the
    /// close handshake is completed here), or sent something that is not a frame of the protocol
    /// (closed with 1003 or 1007), or a message over <see cref="WireProtocol.MaxFrameBytes"/>
    /// (closed with 1009). Throws <see cref="WebSocketException"/> or
    /// <see cref="OperationCanceledException"/> when the connection breaks or is aborted. One
    /// receive at a time: call it from one loop.
    /// </summary>
    public async Task<ClientFrame?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        // Wait for the next message without holding a buffer: most connections are idle most of
        // the time, and an idle one should cost no more than its socket.
        var probe = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        if (probe.MessageType == WebSocketMessageType.Close) return await ClosedByClientAsync(cancellationToken).ConfigureAwait(false);
        // An empty message is over already (reading on would wait for the next one), and is no frame.
        if (probe.EndOfMessage) return await RefuseAsync(WebSocketCloseStatus.InvalidPayloadData, "not a frame", cancellationToken).ConfigureAwait(false);

        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= WireProtocol.MaxFrameBytes)
                        return await RefuseAsync(WebSocketCloseStatus.MessageTooBig, "frame too large", cancellationToken).ConfigureAwait(false);
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) return await ClosedByClientAsync(cancellationToken).ConfigureAwait(false);
                if (result.MessageType != WebSocketMessageType.Text)
                    return await RefuseAsync(WebSocketCloseStatus.InvalidMessageType, "frames are JSON text", cancellationToken).ConfigureAwait(false);
                length += result.Count;
                if (result.EndOfMessage) break;
            }
            try
            {
                return JsonSerializer.Deserialize(buffer.AsSpan(0, length), PushJson.Default.ClientFrame)
                    ?? await RefuseAsync(WebSocketCloseStatus.InvalidPayloadData, "not a frame", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException)
            {
                return await RefuseAsync(WebSocketCloseStatus.InvalidPayloadData, "not a frame", cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Starts the close handshake (the client's answer ends <see cref="ReceiveAsync"/>
    /// with null). Never throws: a connection already gone is closed enough.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken = default)
    {
        try
        {
            await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await _socket.CloseOutputAsync(status, reason, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            _socket.Abort();
        }
    }

    /// <summary>Drops the connection at once, without a close handshake.</summary>
    public void Abort() => _socket.Abort();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<ClientFrame?> ClosedByClientAsync(CancellationToken cancellationToken)
    {
        // Answer the client's close frame, completing the handshake.
        await CloseAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<ClientFrame?> RefuseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken)
    {
        await CloseAsync(status, reason, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
