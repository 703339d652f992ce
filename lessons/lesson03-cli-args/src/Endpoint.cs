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
    public static Endpoint Parse(string text) =>
        throw new NotImplementedException("Task 1: split host:port at the last colon, unwrap [IPv6], check the host and the port; throw FormatException saying what is wrong.");

    /// <summary>Parses a port number, 1 to 65535; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static int ParsePort(string text) =>
        throw new NotImplementedException("Task 1: accept digits only, 1 to 65535; throw FormatException saying what is wrong.");

    /// <summary><c>host:port</c>, with an IPv6 address back in its brackets.</summary>
    public override string ToString() =>
        throw new NotImplementedException("Task 1: format host:port, with an IPv6 host in brackets: [::1]:9000.");
}
