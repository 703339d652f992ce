namespace NetCourse.Lesson02;

/// <summary>Sizes every UDP program must respect.</summary>
public static class Datagrams
{
    /// <summary>
    /// The largest UDP payload over IPv4: 65,535 (the IP total-length field) − 20 (IP header) −
    /// 8 (UDP header) = 65,507 bytes (RFC 768, RFC 791). A receive buffer any smaller truncates.
    /// </summary>
    public const int MaxSize = 65_507;
}
