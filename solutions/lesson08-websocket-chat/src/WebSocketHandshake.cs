using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace NetCourse.Lesson08;

/// <summary>
/// The opening handshake of RFC 6455 (section 4), by hand: find an HTTP/1.1 request head in the
/// bytes received so far, check that it asks for a WebSocket, and answer it.
/// </summary>
public static class WebSocketHandshake
{
    // RFC 6455, section 1.3: appended to the client's key before hashing. A fixed string that no
    // HTTP server or cache would produce by accident, so a 101 with the right accept value proves
    // the server understood the WebSocket handshake.
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private static ReadOnlySpan<byte> EndOfHead => "\r\n\r\n"u8;

    /// <summary>
    /// <c>Sec-WebSocket-Accept</c> for <paramref name="key"/>: base64(SHA-1(key + the RFC's GUID)).
    /// </summary>
    public static string ComputeAccept(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // The key is hashed as the client sent it (its base64 text, not the 16 bytes it encodes).
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid), hash);
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// Takes one request head (request line, header fields, blank line) out of
    /// <paramref name="buffer"/>, advancing it past the blank line. Bytes may arrive in any
    /// pieces: until the blank line is there, <see cref="HandshakeParse.NeedMore"/> leaves the
    /// buffer alone. <see cref="HandshakeParse.TooLarge"/> as soon as the head is known to exceed
    /// <see cref="HttpUpgradeRequest.MaxHeadBytes"/>, so the caller never holds more.
    /// </summary>
    public static HandshakeParse TryParseRequest(ref ReadOnlySequence<byte> buffer, out HttpUpgradeRequest? request)
    {
        request = null;
        var reader = new SequenceReader<byte>(buffer);
        // SequenceReader searches across segments: the blank line may straddle two reads.
        if (!reader.TryReadTo(out ReadOnlySequence<byte> head, EndOfHead, advancePastDelimiter: true))
            return buffer.Length > HttpUpgradeRequest.MaxHeadBytes ? HandshakeParse.TooLarge : HandshakeParse.NeedMore;
        if (head.Length + EndOfHead.Length > HttpUpgradeRequest.MaxHeadBytes) return HandshakeParse.TooLarge;

        // Latin-1 maps every byte to one char, so no byte is lost or merged before the checks;
        // HTTP field values are octets, not UTF-8 (RFC 9110, section 5.5).
        request = Parse(Encoding.Latin1.GetString(head));
        if (request is null) return HandshakeParse.Malformed;
        buffer = buffer.Slice(reader.Position);
        return HandshakeParse.Request;
    }

    private static HttpUpgradeRequest? Parse(string head)
    {
        var lines = head.Split("\r\n");
        if (RequestLine(lines[0]) is not var (method, target, version)) return null;

        var headers = new List<KeyValuePair<string, string>>(lines.Length - 1);
        foreach (var line in lines.AsSpan(1))
        {
            if (HeaderField(line) is not { } field) return null;
            headers.Add(field);
        }
        return new HttpUpgradeRequest(method, target, version, headers);
    }

    // method SP request-target SP HTTP-version (RFC 9112, section 3): exactly three parts.
    private static (string Method, string Target, string Version)? RequestLine(string line)
    {
        var parts = line.Split(' ');
        if (parts is not [var method, var target, var version]) return null;
        if (!IsToken(method) || target.Length == 0 || HasControl(target)) return null;
        if (version is not ['H', 'T', 'T', 'P', '/', >= '0' and <= '9', '.', >= '0' and <= '9']) return null;
        return (method, target, version);
    }

    // field-name ":" OWS field-value OWS (RFC 9112, section 5). No space before the colon, and no
    // line folding (a line starting with whitespace): both are to be rejected, not guessed at.
    private static KeyValuePair<string, string>? HeaderField(string line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0) return null;
        var name = line[..colon];
        var value = line[(colon + 1)..].Trim(' ', '\t');
        if (!IsToken(name) || HasControl(value)) return null;
        return new(name, value);
    }

    private static bool IsToken(string text) =>
        text.Length > 0 && text.All(c => c is > ' ' and < '\x7f' && !"\"(),/:;<=>?@[\\]{}".Contains(c));

    private static bool HasControl(string text) => text.Any(c => c is < ' ' and not '\t' or '\x7f');

    /// <summary>
    /// Checks that <paramref name="request"/> is a WebSocket opening handshake this server accepts
    /// and answers it: 101 with <c>Upgrade</c>, <c>Connection</c> and <c>Sec-WebSocket-Accept</c>;
    /// 405 for another method; 426 with <c>Sec-WebSocket-Version: 13</c> for another version;
    /// 403 for an origin not in <paramref name="allowedOrigins"/> (null allows all); 400 otherwise.
    /// </summary>
    public static HandshakeResponse Validate(HttpUpgradeRequest request, IReadOnlyCollection<string>? allowedOrigins = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != "GET")
            return HandshakeResponse.Of(405, (HandshakeHeaders.Allow, "GET"));
        // RFC 6455 needs HTTP/1.1 (a Host, persistent connections, the Upgrade mechanism).
        if (request.Version != "HTTP/1.1" || request.HeaderValues(HandshakeHeaders.Host).Count() != 1)
            return HandshakeResponse.Of(400);
        // Both are comma-separated lists, possibly over several lines: "Connection: keep-alive, Upgrade"
        // is what Firefox sends. Tokens are case-insensitive.
        if (!HasToken(request, HandshakeHeaders.Upgrade, HandshakeHeaders.WebSocket) ||
            !HasToken(request, HandshakeHeaders.Connection, HandshakeHeaders.UpgradeToken))
            return HandshakeResponse.Of(400);
        // Tell the client which version this server speaks, so it can retry with it (section 4.4).
        // Exactly one field: a list pattern, as SingleOrDefault would throw on two.
        if (request.HeaderValues(HandshakeHeaders.SecWebSocketVersion).ToList() is not [HandshakeHeaders.Version13])
            return HandshakeResponse.Of(426, (HandshakeHeaders.SecWebSocketVersion, HandshakeHeaders.Version13));
        if (request.HeaderValues(HandshakeHeaders.SecWebSocketKey).ToList() is not [var key] || !IsValidKey(key))
            return HandshakeResponse.Of(400);
        // Browsers always send Origin and scripts cannot forge it: the server's defence against
        // another site's page opening a connection with the user's cookies (section 10.2).
        if (allowedOrigins is not null && request.Header(HandshakeHeaders.Origin) is { } origin &&
            !allowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            return HandshakeResponse.Of(403);

        return HandshakeResponse.Of(101,
            (HandshakeHeaders.Upgrade, HandshakeHeaders.WebSocket),
            (HandshakeHeaders.Connection, HandshakeHeaders.UpgradeToken),
            (HandshakeHeaders.SecWebSocketAccept, ComputeAccept(key)));
    }

    private static bool HasToken(HttpUpgradeRequest request, string header, string token) =>
        request.HeaderValues(header)
            .SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Contains(token, StringComparer.OrdinalIgnoreCase);

    // A nonce of exactly 16 bytes in base64 (section 4.1): always 24 characters ending in "==".
    private static bool IsValidKey(string key)
    {
        Span<byte> bytes = stackalloc byte[18];
        return key.Length == 24 && Convert.TryFromBase64String(key, bytes, out var written) && written == 16;
    }
}
