using System.Buffers;
using System.Net.WebSockets;

namespace NetCourse.Lesson08;

internal enum MessageKind
{
    Text,
    Binary,
    /// <summary>The client's close frame.</summary>
    Close,
    /// <summary>More than the limit arrived, whether or not the message has ended.</summary>
    TooBig,
}

/// <summary>
/// Reads whole messages from a WebSocket into one buffer of the maximum size. A message may come
/// in many frames (fragments) and ReceiveAsync hands over pieces of them as they arrive, so the
/// limit is checked while assembling: a client never makes the server hold more than the limit.
/// </summary>
internal sealed class MessageReader(WebSocket socket, int maxBytes) : IDisposable
{
    // One byte more than allowed: when it fills, the message is too big, ended or not.
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
    private int _length;

    /// <summary>The payload of the last message read.</summary>
    public ReadOnlySpan<byte> Message => _buffer.AsSpan(0, _length);

    public async ValueTask<MessageKind> ReadAsync()
    {
        _length = 0;
        while (true)
        {
            // No token: cancelling a WebSocket receive aborts the connection. Ends come from the
            // client's close frame, or from aborting the socket (a drop, a deadline).
            var result = await socket.ReceiveAsync(_buffer.AsMemory(_length, maxBytes + 1 - _length), CancellationToken.None)
                .ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close) return MessageKind.Close;
            _length += result.Count;
            if (_length > maxBytes) return MessageKind.TooBig;
            if (result.EndOfMessage) return result.MessageType == WebSocketMessageType.Binary ? MessageKind.Binary : MessageKind.Text;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
