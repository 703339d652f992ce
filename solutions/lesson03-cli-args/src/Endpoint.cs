using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson03;

/// <summary>
/// A <c>host:port</c> as typed on a command line: an IPv4 address (<c>127.0.0.1:9000</c>), an IPv6
/// address in brackets (<c>[::1]:9000</c>, RFC 3986 section 3.2.2) or a host name
/// (<c>localhost:9000</c>). Parsing checks the syntax only; nothing is resolved.
/// </summary>
public readonly record struct Endpoint(string Host, int Port)
{
    public const int MinPort = 1;
    public const int MaxPort = 65535;

    /// <summary>Parses <c>host:port</c>; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static Endpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The port follows the LAST colon: an IPv6 address is full of colons, and only its
        // brackets say where it ends.
        var colon = text.LastIndexOf(':');
        if (colon < 0) throw new FormatException($"'{text}' has no port: write host:port, as in 127.0.0.1:9000");
        var host = text[..colon];
        var port = ParsePort(text[(colon + 1)..]);

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            var inner = host[1..^1];
            if (!IPAddress.TryParse(inner, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                throw new FormatException($"'{inner}' in brackets is not an IPv6 address");
            return new Endpoint(inner, port);
        }
        if (host.Length == 0) throw new FormatException($"'{text}' has no host: write host:port, as in 127.0.0.1:9000");
        if (host.Contains(':')) throw new FormatException($"the IPv6 address '{host}' must be in brackets, as in [{host}]:{port}");
        if (host.Contains('[') || host.Contains(']')) throw new FormatException($"'{host}' has unbalanced brackets");
        if (host.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            if (!IsDottedQuad(host)) throw new FormatException($"'{host}' is not an IPv4 address: it needs four numbers from 0 to 255");
            return new Endpoint(host, port);
        }
        if (!IsHostName(host)) throw new FormatException($"'{host}' is not a valid host name: use letters, digits, hyphens and dots");
        return new Endpoint(host, port);
    }

    /// <summary>Parses a port number, 1 to 65535; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static int ParsePort(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Digits only: int.Parse would also take " 80", "+80" and, with other styles, "1e3".
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
            throw new FormatException($"port '{text}' is not a number from {MinPort} to {MaxPort}");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < MinPort or > MaxPort)
            throw new FormatException($"port {text} is out of range: ports are {MinPort} to {MaxPort}");
        return port;
    }

    /// <summary><c>host:port</c>, with an IPv6 address back in its brackets.</summary>
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    // Strictly a.b.c.d: IPAddress.TryParse also takes the old shorthands "127.1" and "0x7f.1".
    private static bool IsDottedQuad(string host)
    {
        var parts = host.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is >= 1 and <= 3 && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    // RFC 1123 section 2.1: labels of letters, digits and hyphens, 1 to 63 characters, not
    // starting or ending with a hyphen; 253 characters in all.
    private static bool IsHostName(string host) =>
        host.Length <= 253
        && host.Split('.').All(label =>
            label.Length is >= 1 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
}
