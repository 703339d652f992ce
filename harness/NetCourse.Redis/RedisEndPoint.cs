using System.Globalization;

namespace NetCourse.Redis;

/// <summary>
/// Where a Redis server is and how to log in: parsed from <c>redis://[[user]:password@]host[:port][/db]</c>
/// (the form REDIS_URL takes) or a bare <c>host:port</c>.
/// </summary>
public sealed record RedisEndPoint(string Host, int Port, string? User = null, string? Password = null, int Database = 0)
{
    public const int DefaultPort = 6379;

    public static RedisEndPoint Parse(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "redis://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || uri.Host.Length == 0)
            throw new FormatException($"\"{url}\" is not a Redis address: expected redis://host:port or host:port.");

        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = parts.Length == 2 && parts[0].Length > 0 ? Uri.UnescapeDataString(parts[0]) : null;
            password = Uri.UnescapeDataString(parts.Length == 2 ? parts[1] : parts[0]);
        }

        var path = uri.AbsolutePath.Trim('/');
        var database = 0;
        if (path.Length > 0 && !int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database))
            throw new FormatException($"\"{url}\": the database after the '/' must be a number.");

        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        return new RedisEndPoint(host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port, user, password, database);
    }

    public override string ToString() => $"redis://{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}{(Database != 0 ? $"/{Database}" : "")}";
}
