using Microsoft.AspNetCore.Http;

namespace NetCourse.Lesson08;

/// <summary>
/// <c>GET /chat?room=…&amp;nick=…</c>: the handshake checked by <see cref="WebSocketHandshake.Validate"/>
/// (the same rules as a hand-parsed request), then Kestrel switches protocols and the connection
/// becomes a <see cref="ChatSession"/>.
/// </summary>
internal sealed class ChatEndpoint(ChatServerOptions options, RoomRegistry rooms, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        var answer = WebSocketHandshake.Validate(HttpUpgradeRequest.FromHttpRequest(context.Request), options.AllowedOrigins);
        if (!answer.IsAccepted)
        {
            Refuse(context.Response, answer);
            return;
        }

        var room = context.Request.Query[ChatNames.RoomParameter].ToString();
        var nick = context.Request.Query[ChatNames.NickParameter].ToString();
        // Decided before the upgrade, while an HTTP status can still say what is wrong.
        if (!ChatNames.IsValid(room) || !ChatNames.IsValid(nick) || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Kestrel computes the same Sec-WebSocket-Accept as ComputeAccept and writes the 101.
        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            // Pings every interval; a pong missing for the timeout aborts the connection: a client
            // whose network vanished (no FIN, no RST) is noticed instead of held for ever.
            KeepAliveInterval = options.KeepAliveInterval,
            KeepAliveTimeout = options.KeepAliveTimeout,
        }).ConfigureAwait(false);
        var session = new ChatSession(socket, context.Abort, nick, options);
        if (await session.RunAsync(rooms, room, stopping).ConfigureAwait(false)) socket.Dispose();
        // Not disposed when it failed: a WebSocket that rejects what it received (invalid UTF-8:
        // 1007) writes its close frame and gives up. Disposing it now closes Kestrel's stream under
        // that frame before it is on the wire; returning lets Kestrel send it, then close the
        // connection (and the stream with it).
    }

    private static void Refuse(HttpResponse response, HandshakeResponse answer)
    {
        response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers) response.Headers.Append(name, value);
    }
}
