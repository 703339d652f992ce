using System.Buffers;

namespace NetCourse.Lesson08;

/// <summary>
/// The opening handshake of RFC 6455 (section 4), by hand: find an HTTP/1.1 request head in the
/// bytes received so far, check that it asks for a WebSocket, and answer it.
/// </summary>
public static class WebSocketHandshake
{
    // RFC 6455, section 1.3: appended to the client's key before hashing (see Task 2).
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>
    /// <c>Sec-WebSocket-Accept</c> for <paramref name="key"/>: base64(SHA-1(key + the RFC's GUID)).
    /// </summary>
    public static string ComputeAccept(string key) =>
        throw new NotImplementedException($"Task 2: return base64(SHA-1(key + \"{AcceptGuid}\")), hashing the key's text as it came.");

    /// <summary>
    /// Takes one request head (request line, header fields, blank line) out of
    /// <paramref name="buffer"/>, advancing it past the blank line. Bytes may arrive in any
    /// pieces: until the blank line is there, <see cref="HandshakeParse.NeedMore"/> leaves the
    /// buffer alone. <see cref="HandshakeParse.TooLarge"/> as soon as the head is known to exceed
    /// <see cref="HttpUpgradeRequest.MaxHeadBytes"/>, so the caller never holds more.
    /// </summary>
    public static HandshakeParse TryParseRequest(ref ReadOnlySequence<byte> buffer, out HttpUpgradeRequest? request) =>
        throw new NotImplementedException("Task 1: find the blank line (CR LF CR LF), parse the request line and header fields before it, advance the buffer past it; NeedMore, Malformed or TooLarge otherwise.");

    /// <summary>
    /// Checks that <paramref name="request"/> is a WebSocket opening handshake this server accepts
    /// and answers it: 101 with <c>Upgrade</c>, <c>Connection</c> and <c>Sec-WebSocket-Accept</c>;
    /// 405 for another method; 426 with <c>Sec-WebSocket-Version: 13</c> for another version;
    /// 403 for an origin not in <paramref name="allowedOrigins"/> (null allows all); 400 otherwise.
    /// </summary>
    public static HandshakeResponse Validate(HttpUpgradeRequest request, IReadOnlyCollection<string>? allowedOrigins = null) =>
        throw new NotImplementedException("Task 2: check method, HTTP version and Host, the Upgrade and Connection tokens, version 13, the key and the origin; answer 101 with Sec-WebSocket-Accept, or the error status.");
}
