namespace NetCourse.Lesson10;

/// <summary>
/// The headers that belong to one connection, not to the message (RFC 9110 §7.6.1): a proxy
/// never passes them on, in either direction. A message may name more of them in its
/// <c>Connection</c> header (<c>Connection: close, X-Trace</c>); those are removed too.
/// </summary>
public static class HopByHop
{
    public static readonly IReadOnlySet<string> Headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Proxy-Connection", "Keep-Alive", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
        "Proxy-Authenticate", "Proxy-Authorization",
    };
}
