using System.Net.WebSockets;

namespace NetCourse.Lesson09;

/// <summary>Paths, parameters and limits every service agrees on.</summary>
public static class WireProtocol
{
    /// <summary>A node's WebSocket endpoint: <c>GET /ws?access_token=TOKEN</c> with an upgrade.</summary>
    public const string WebSocketPath = "/ws";

    /// <summary>The query parameter that carries the token (a browser cannot set headers on a WebSocket).</summary>
    public const string TokenParameter = "access_token";

    /// <summary>A node's delivery endpoint, called by dispatch: <c>POST /deliver</c> with a <see cref="PushMessage"/>.</summary>
    public const string DeliverPath = "/deliver";

    /// <summary>The dispatch service: <c>POST /dispatch</c> with a stored <see cref="PushMessage"/>.</summary>
    public const string DispatchPath = "/dispatch";

    /// <summary>The collect service: <c>POST /messages</c> with a <see cref="CollectRequest"/>.</summary>
    public const string MessagesPath = "/messages";

    /// <summary>The auth service: <c>POST /tokens</c> with a <see cref="TokenRequest"/>.</summary>
    public const string TokensPath = "/tokens";

    /// <summary>The largest WebSocket message a node or client accepts; a bigger one closes the connection.</summary>
    public const int MaxFrameBytes = 64 * 1024;

    /// <summary>Close status (RFC 6455 §7.4.2 leaves 4000–4999 to applications): the user's
    /// registration now names another node, or expired; the client should connect again.</summary>
    public const WebSocketCloseStatus SessionMoved = (WebSocketCloseStatus)4001;

    /// <summary>Close status: a newer connection of the same user on the same node replaced this one.</summary>
    public const WebSocketCloseStatus Replaced = (WebSocketCloseStatus)4002;
}
