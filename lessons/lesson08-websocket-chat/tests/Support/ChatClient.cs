using System.Diagnostics;
using System.Threading.Channels;

namespace NetCourse.Lesson08.Tests.Support;

/// <summary>
/// A test client of the chat: a <see cref="ClientWebSocket"/> whose messages are read in the
/// background into a queue of <see cref="ChatEvent"/>s, so no wait of a test can hang. It answers
/// the server's close frame as a browser does.
/// </summary>
public sealed class ChatClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<ChatEvent> _events = Channel.CreateUnbounded<ChatEvent>(new() { SingleWriter = true });
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Task _receiving;

    private ChatClient(ClientWebSocket socket, string room, string nick)
    {
        _socket = socket;
        Room = room;
        Nick = nick;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    public string Room { get; }

    public string Nick { get; }

    /// <summary>The status of the server's close frame, once one arrived.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }

    /// <summary>Why the connection ended without a close frame (a reset, an abort), if it did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Connects to <paramref name="room"/> without waiting for anything from the server.</summary>
    public static async Task<ChatClient> ConnectAsync(Uri server, string room, string nick, Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        try
        {
            using var deadline = Deadline.Start();
            await socket.ConnectAsync(ChatNames.ChatUri(server, room, nick), deadline.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new ChatClient(socket, room, nick);
    }

    /// <summary>Connects and waits for the client's own join notice: from then on it is a member.</summary>
    public static async Task<ChatClient> JoinAsync(Uri server, string room, string nick, TimeSpan? deadline = null)
    {
        var client = await ConnectAsync(server, room, nick);
        try
        {
            var first = await client.NextAsync("its own join notice", deadline);
            first.ShouldBe(ChatEvent.Joined(room, nick), $"The first thing a newcomer receives is its own join notice, {Json(ChatEvent.Joined(room, nick))}.");
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public static string Json(ChatEvent e) => Encoding.UTF8.GetString(ChatJson.Serialize(e));

    /// <summary>The next event from the server; fails if none comes within the deadline or the connection ends.</summary>
    public async Task<ChatEvent> NextAsync(string? what = null, TimeSpan? deadline = null)
    {
        using var limit = Deadline.Start(deadline);
        try
        {
            if (await _events.Reader.WaitToReadAsync(limit.Token) && _events.Reader.TryRead(out var next)) return next;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new DeadlineExceededException(
                $"{Nick} received nothing ({what ?? "an event"}) within {Deadline.Resolve(deadline).TotalSeconds:0.#} s.");
        }
        throw new ShouldAssertException($"{Nick}'s connection ended while it waited for {what ?? "an event"}: {HowItEnded}.");
    }

    /// <summary>The next event that matches, skipping the others.</summary>
    public async Task<ChatEvent> NextWhereAsync(Func<ChatEvent, bool> match, string what, TimeSpan? deadline = null)
    {
        var limit = Deadline.Resolve(deadline);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var next = await NextAsync(what, Remaining(limit, started, $"{Nick} did not receive {what}"));
            if (match(next)) return next;
        }
    }

    /// <summary>The next <paramref name="count"/> chat messages (notices skipped), in the order they came.</summary>
    public async Task<List<ChatEvent>> MessagesAsync(int count, TimeSpan? deadline = null)
    {
        var limit = Deadline.Resolve(deadline);
        var started = Stopwatch.GetTimestamp();
        var messages = new List<ChatEvent>(count);
        try
        {
            while (messages.Count < count)
                messages.Add(await NextWhereAsync(e => e.Type == ChatEventTypes.Message, $"message {messages.Count + 1} of {count}",
                    Remaining(limit, started, "")));
        }
        catch (DeadlineExceededException)
        {
            throw new DeadlineExceededException($"{Nick} received {messages.Count} of {count} messages within {limit.TotalSeconds:0.#} s.");
        }
        return messages;
    }

    private static TimeSpan Remaining(TimeSpan limit, long started, string failure)
    {
        if (limit == Timeout.InfiniteTimeSpan) return limit;
        var left = limit - Stopwatch.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : throw new DeadlineExceededException($"{failure} within {limit.TotalSeconds:0.#} s.");
    }

    /// <summary>Sends a chat post.</summary>
    public Task SayAsync(string text) => SendAsync(ChatJson.Serialize(new ChatPost(text)));

    /// <summary>Sends one message (or one fragment, when <paramref name="endOfMessage"/> is false) as it is.</summary>
    public async Task SendAsync(byte[] payload, WebSocketMessageType type = WebSocketMessageType.Text, bool endOfMessage = true)
    {
        using var deadline = Deadline.Start();
        await _sending.WaitAsync(deadline.Token);
        try
        {
            await _socket.SendAsync(payload, type, endOfMessage, deadline.Token);
        }
        catch (WebSocketException e)
        {
            // Sending fails once the connection is gone; say how it went.
            await _receiving.WithDeadline(what: $"{Nick}'s receive loop ending");
            throw new ShouldAssertException($"{Nick} could not send ({e.Message}): {HowItEnded}.");
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Waits until the server ends the connection; returns the status of its close frame,
    /// or null when it ended without one (reset or aborted).</summary>
    public async Task<WebSocketCloseStatus?> ClosedByServerAsync(string why, TimeSpan? deadline = null)
    {
        try
        {
            await _receiving.WithDeadline(deadline, $"the server closing {Nick}'s connection ({why})");
        }
        catch (DeadlineExceededException)
        {
            throw new ShouldAssertException($"The server did not close {Nick}'s connection: {why}");
        }
        return CloseStatus;
    }

    /// <summary>The client's side of the closing handshake: sends a close frame and waits for the server's.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        using var deadline = Deadline.Start();
        await _sending.WaitAsync(deadline.Token);
        try
        {
            await _socket.CloseOutputAsync(status, "bye", deadline.Token);
        }
        finally
        {
            _sending.Release();
        }
        await _receiving.WithDeadline(what: $"the server's close frame answering {Nick}'s");
    }

    /// <summary>Vanishes: the TCP connection closes without a close frame.</summary>
    public void Abort() => _socket.Abort();

    public string HowItEnded => CloseStatus is { } status
        ? $"the server sent a close frame {(int)status} ({status})"
        : Failure is { } failure ? $"{failure.GetType().Name}: {failure.Message}" : "the connection is still open";

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _receiving.WithDeadline(what: $"{Nick}'s receive loop ending after an abort");
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = result.CloseStatus;
                    // Answer it, as a browser does, unless this was the answer to ours.
                    if (_socket.State == WebSocketState.CloseReceived)
                        await AnswerCloseAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure);
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                _events.Writer.TryWrite(ChatJson.ReadEvent(message.GetBuffer().AsSpan(0, (int)message.Length)));
                message.SetLength(0);
            }
        }
        catch (Exception e)
        {
            Failure = e;
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private async Task AnswerCloseAsync(WebSocketCloseStatus status)
    {
        await _sending.WaitAsync();
        try
        {
            using var deadline = Deadline.Start();
            await _socket.CloseOutputAsync(status, null, deadline.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server aborted right after its close frame: nothing to answer.
        }
        finally
        {
            _sending.Release();
        }
    }
}
