using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson02;

/// <summary>
/// A <c>host:port</c> as typed on a command line: an IPv4 address (<c>127.0.0.1:9000</c>), an IPv6
/// address in brackets (<c>[::1]:9000</c>, RFC 3986 section 3.2.2) or a host name
/// (<c>localhost:9000</c>). <see cref="Parse"/> checks the syntax only; <see cref="ResolveAsync"/>
/// (yours, in <c>Endpoint.cs</c>) looks the host up.
/// </summary>
/// <remarks>
/// Given: this parser is deliberately lenient (a host name is whatever DNS will take). Lesson03
/// has you write the strict one, with every rule of RFC 1123 and dotted-quad IPv4.
/// </remarks>
public readonly partial record struct Endpoint(string Host, int Port)
{
    public const int MinPort = 1;
    public const int MaxPort = 65535;

    /// <summary>Parses <c>host:port</c>; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static Endpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The port follows the LAST colon: an IPv6 address is full of colons of its own.
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
        return new Endpoint(host, port);
    }

    /// <summary>Parses a port number, 1 to 65535; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static int ParsePort(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || !text.All(char.IsAsciiDigit)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < MinPort or > MaxPort)
            throw new FormatException($"port '{text}' is not a number from {MinPort} to {MaxPort}");
        return port;
    }

    /// <summary><c>host:port</c>, with an IPv6 address back in its brackets.</summary>
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
