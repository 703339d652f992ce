using System.Text;

namespace NetCourse.Lesson08;

/// <summary>
/// The server's answer to an opening handshake: <c>101 Switching Protocols</c> with its three
/// header fields, or an HTTP error. <see cref="ToBytes"/> writes it as it goes on the wire.
/// </summary>
public sealed record HandshakeResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>A response with the given header fields, in order:
    /// <c>HandshakeResponse.Of(426, (HandshakeHeaders.SecWebSocketVersion, "13"))</c>.</summary>
    public static HandshakeResponse Of(int statusCode, params (string Name, string Value)[] headers) =>
        new(statusCode, headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList());

    /// <summary>True for 101: the connection switches to WebSocket frames.</summary>
    public bool IsAccepted => StatusCode == 101;

    /// <summary>The value of <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string ReasonPhrase => StatusCode switch
    {
        101 => "Switching Protocols",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        426 => "Upgrade Required",
        431 => "Request Header Fields Too Large",
        _ => "Error",
    };

    /// <summary>The response head: status line, header fields, blank line. An error also says it
    /// has no body and that the server closes the connection after it.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder($"HTTP/1.1 {StatusCode} {ReasonPhrase}\r\n");
        foreach (var (name, value) in Headers) text.Append($"{name}: {value}\r\n");
        if (!IsAccepted) text.Append("Content-Length: 0\r\nConnection: close\r\n");
        text.Append("\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
