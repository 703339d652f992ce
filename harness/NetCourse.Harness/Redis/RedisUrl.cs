using System.Globalization;
using StackExchange.Redis;

namespace NetCourse.Harness.Redis;

/// <summary>
/// Reads REDIS_URL: <c>redis://[[user]:password@]host[:port][/db]</c> (the form hosting services
/// and docker-compose files give) or a bare <c>host:port</c>. StackExchange.Redis takes its own
/// <c>host:port,password=…</c> configuration strings, not URLs, so this turns one into the other.
/// </summary>
public static class RedisUrl
{
    public const int DefaultPort = 6379;

    public static ConfigurationOptions Parse(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "redis://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || uri.Host.Length == 0)
            throw new FormatException($"\"{url}\" is not a Redis address: expected redis://host:port or host:port.");

        var options = new ConfigurationOptions();
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        options.EndPoints.Add(host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port);

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            if (parts.Length == 2 && parts[0].Length > 0) options.User = Uri.UnescapeDataString(parts[0]);
            options.Password = Uri.UnescapeDataString(parts.Length == 2 ? parts[1] : parts[0]);
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            if (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out var database))
                throw new FormatException($"\"{url}\": the database after the '/' must be a number.");
            options.DefaultDatabase = database;
        }
        return options;
    }
}
