using System.Net.WebSockets;
using System.Threading.Channels;

namespace NetCourse.Lesson08;

/// <summary>
/// One client's connection: a receive loop that turns its posts into room events, and a send
/// loop that drains its own bounded queue onto the socket. The room only ever writes to the
/// queue, so a client that stops reading fills its own queue and is dropped; it never makes the
/// room wait.
/// </summary>
internal sealed class ChatSession
{
    private readonly WebSocket _socket;
    private readonly Action _abortConnection;
    private readonly ChatServerOptions _options;
    private readonly Channel<byte[]> _outbox;
    // Armed when a close handshake starts: a client that does not answer in time is aborted.
    private readonly CancellationTokenSource _closeDeadline;
    private readonly Lock _ending = new();
    private bool _ended;
    private int _closing;
    private WebSocketCloseStatus _closeStatus;
    private string? _closeReason;
    private long _posts;

    /// <param name="abortConnection">Closes the TCP connection under the WebSocket at once.</param>
    public ChatSession(WebSocket socket, Action abortConnection, string nick, ChatServerOptions options)
    {
        _socket = socket;
        _abortConnection = abortConnection;
        _options = options;
        Nick = nick;
        _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.SendQueueCapacity)
        {
            // TryWrite answers false at once when full: the writer decides what to do, never waits.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _closeDeadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, options.TimeProvider);
    }

    public string Nick { get; }

    /// <summary>Queues a frame without waiting. False means the client is not keeping up: drop it.
    /// A closing session takes nothing more and is not "too slow" for that.</summary>
    public bool Offer(byte[] frame) => _outbox.Writer.TryWrite(frame) || Volatile.Read(ref _closing) != 0;

    /// <summary>Ends a client that cannot keep up. Its socket is stuck behind unread data, so no
    /// close frame could reach it: abort, and let the session's own task leave the room.</summary>
    public void Drop() => Abort();

    /// <summary>Serves the connection until it ends, then leaves the room. Never throws for what a
    /// client can do (vanish, send garbage, stop reading). True when the closing handshake
    /// completed; false when the WebSocket failed (see <see cref="ChatEndpoint"/> for why that matters).</summary>
    public async Task<bool> RunAsync(RoomRegistry rooms, string roomName, CancellationToken stopping)
    {
        using var deadline = _closeDeadline;
        using var abortWhenLate = _closeDeadline.Token.UnsafeRegister(static s => ((ChatSession)s!).Abort(), this);
        using var reader = new MessageReader(_socket, _options.MaxMessageBytes);
        var sending = SendLoopAsync();
        var room = rooms.Join(roomName, this);
        var graceful = false;
        try
        {
            using var goingAway = stopping.UnsafeRegister(
                static s => ((ChatSession)s!).Close(WebSocketCloseStatus.EndpointUnavailable, "server shutting down"), this);
            await ReceiveLoopAsync(room, reader).ConfigureAwait(false);
            graceful = true;
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Reset or vanished, aborted by us (dropped, out of time), or invalid UTF-8: the
            // WebSocket itself closed that one with 1007 before it threw.
        }
        finally
        {
            rooms.Leave(room, this);
            // A failed WebSocket refuses every send, so the send loop ends at once; unless it is
            // stuck on a client that does not read, which the deadline then aborts.
            if (!graceful) ArmCloseDeadline();
            _outbox.Writer.TryComplete();
            await sending.ConfigureAwait(false);
            lock (_ending) _ended = true;
        }
        return graceful;
    }

    private async Task ReceiveLoopAsync(ChatRoom room, MessageReader reader)
    {
        while (true)
        {
            switch (await reader.ReadAsync().ConfigureAwait(false))
            {
                case MessageKind.Close:
                    // The client's close frame: answer it with its own status (RFC 6455, section 5.5.1).
                    // If we started the closing, this was its answer and our frame is already out.
                    Close(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null);
                    return;
                case MessageKind.TooBig:
                    Close(WebSocketCloseStatus.MessageTooBig, $"messages are limited to {_options.MaxMessageBytes} bytes");
                    break;
                case MessageKind.Binary:
                    Close(WebSocketCloseStatus.InvalidMessageType, "chat messages are JSON text");
                    break;
                case MessageKind.Text when Volatile.Read(ref _closing) == 0:
                    if (ChatJson.TryReadPost(reader.Message, out var post))
                        room.Publish(ChatEvent.Message(room.Name, Nick, post.Text, ++_posts));
                    else if (!Offer(ChatJson.Serialize(ChatEvent.Error("expected a JSON object like {\"text\":\"hello\"}"))))
                        Drop();
                    break;
                // Text after our close frame: the client has not read it yet. Ignore, keep
                // reading until its close frame arrives (or the deadline aborts it).
            }
        }
    }

    private async Task SendLoopAsync()
    {
        var queue = _outbox.Reader;
        try
        {
            while (await queue.WaitToReadAsync().ConfigureAwait(false))
                while (queue.TryRead(out var frame))
                    await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);

            // The queue is complete and empty: what was queued before the close went out first.
            if (Volatile.Read(ref _closing) != 0 && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync(_closeStatus, _closeReason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted: nothing more can be sent.
        }
    }

    // Starts the closing handshake (or answers the client's). Only the first call counts. The
    // close frame is sent by the send loop after the frames already queued, so the WebSocket
    // never has two sends at once; the deadline bounds how long the client may take to answer.
    private void Close(WebSocketCloseStatus status, string? reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0) return;
        _closeStatus = status;
        _closeReason = reason;
        _outbox.Writer.TryComplete();
        ArmCloseDeadline();
    }

    private void ArmCloseDeadline()
    {
        try
        {
            _closeDeadline.CancelAfter(_options.CloseTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The session has ended already: nothing left to bound.
        }
    }

    private void Abort()
    {
        // A room may drop a session that has just ended; by then its HttpContext is Kestrel's
        // again and must not be touched.
        lock (_ending)
        {
            if (_ended) return;
            _socket.Abort();
            // A send blocked on a client that stopped reading waits for TCP buffer space; only
            // closing the connection itself releases it.
            _abortConnection();
        }
    }
}
