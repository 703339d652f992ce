namespace NetCourse.Lesson08;

/// <summary>The header fields of the opening handshake (RFC 6455, section 4) and their fixed values.</summary>
public static class HandshakeHeaders
{
    public const string Host = "Host";
    public const string Upgrade = "Upgrade";
    public const string Connection = "Connection";
    public const string Origin = "Origin";
    public const string Allow = "Allow";
    public const string SecWebSocketKey = "Sec-WebSocket-Key";
    public const string SecWebSocketVersion = "Sec-WebSocket-Version";
    public const string SecWebSocketAccept = "Sec-WebSocket-Accept";

    /// <summary>The value of <c>Upgrade</c> that asks for a WebSocket.</summary>
    public const string WebSocket = "websocket";
    /// <summary>The <c>Connection</c> token that says the <c>Upgrade</c> header is meant for this hop.</summary>
    public const string UpgradeToken = "Upgrade";
    /// <summary>The only protocol version of RFC 6455.</summary>
    public const string Version13 = "13";
}
