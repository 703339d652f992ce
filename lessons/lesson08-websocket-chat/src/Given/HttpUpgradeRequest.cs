using Microsoft.AspNetCore.Http;

namespace NetCourse.Lesson08;

/// <summary>
/// An HTTP/1.1 request head, as it came: the request line (<c>GET /chat HTTP/1.1</c>) and the
/// header fields in order, names as the client spelled them, values without surrounding spaces.
/// </summary>
public sealed record HttpUpgradeRequest(string Method, string Target, string Version, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The longest request head accepted, request line and blank line included.
    /// Kestrel's default limit for the whole head is 32 KB; a handshake needs a few hundred bytes.</summary>
    public const int MaxHeadBytes = 8 * 1024;

    /// <summary>Every value of the header field <paramref name="name"/> (compared case-insensitively),
    /// in the order the lines came; empty when it is absent.</summary>
    public IEnumerable<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>The value of <paramref name="name"/>, or null when absent. A field sent on several
    /// lines is one comma-separated list (RFC 9110, section 5.3), so its values are joined with ", ".</summary>
    public string? Header(string name)
    {
        var values = HeaderValues(name).ToList();
        return values.Count == 0 ? null : string.Join(", ", values);
    }

    /// <summary>The same view of a request Kestrel has already parsed, so the chat server can put
    /// it through the same <see cref="WebSocketHandshake.Validate"/> as a hand-parsed one.</summary>
    public static HttpUpgradeRequest FromHttpRequest(HttpRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
            foreach (var value in values)
                headers.Add(new(name, value ?? ""));
        var target = $"{request.PathBase}{request.Path}{request.QueryString}";
        return new HttpUpgradeRequest(request.Method, target, request.Protocol, headers);
    }
}
