using System.Buffers;

namespace NetCourse.Lesson08.Tests.Support;

/// <summary>Opening handshakes as a client sends them, valid or broken on purpose.</summary>
public static class Requests
{
    /// <summary>RFC 6455, section 1.3: the sample key and the accept value it must give.</summary>
    public const string RfcKey = "dGhlIHNhbXBsZSBub25jZQ==";
    public const string RfcAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    /// <summary>RFC 6455, section 1.2: the client's handshake (with the key of section 1.3).</summary>
    public const string Rfc =
        "GET /chat HTTP/1.1\r\n" +
        "Host: server.example.com\r\n" +
        "Upgrade: websocket\r\n" +
        "Connection: Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" +
        "Origin: http://example.com\r\n" +
        "Sec-WebSocket-Protocol: chat, superchat\r\n" +
        "Sec-WebSocket-Version: 13\r\n" +
        "\r\n";

    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>A valid handshake's fields; change one with <see cref="With"/> or <see cref="Without"/>.</summary>
    public static List<KeyValuePair<string, string>> ValidHeaders() =>
    [
        new("Host", "chat.example:8080"),
        new("Upgrade", "websocket"),
        new("Connection", "Upgrade"),
        new("Sec-WebSocket-Key", RfcKey),
        new("Sec-WebSocket-Version", "13"),
    ];

    public static HttpUpgradeRequest Valid(string method = "GET", string version = "HTTP/1.1") =>
        new(method, "/chat", version, ValidHeaders());

    public static HttpUpgradeRequest With(this HttpUpgradeRequest request, string name, string value) =>
        request with { Headers = [.. request.Headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)), new(name, value)] };

    public static HttpUpgradeRequest Adding(this HttpUpgradeRequest request, string name, string value) =>
        request with { Headers = [.. request.Headers, new(name, value)] };

    public static HttpUpgradeRequest Without(this HttpUpgradeRequest request, string name) =>
        request with { Headers = [.. request.Headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))] };

    /// <summary>Parses <paramref name="text"/> in one piece and returns the outcome and the request.</summary>
    public static (HandshakeParse Outcome, HttpUpgradeRequest? Request, ReadOnlySequence<byte> Remaining) Parse(string text)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes(text));
        var outcome = WebSocketHandshake.TryParseRequest(ref buffer, out var request);
        return (outcome, request, buffer);
    }

    /// <summary>A handshake for a real server, as one string (for raw sockets).</summary>
    public static string ForServer(Uri server, string target, string version = "13", string? origin = null, string method = "GET")
    {
        var text = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\n");
        text.Append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
        text.Append($"Sec-WebSocket-Key: {RfcKey}\r\nSec-WebSocket-Version: {version}\r\n");
        if (origin is not null) text.Append($"Origin: {origin}\r\n");
        return text.Append("\r\n").ToString();
    }
}
