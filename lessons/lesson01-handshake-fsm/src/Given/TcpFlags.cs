namespace NetCourse.Lesson01;

/// <summary>
/// The control bits of a TCP header this lesson uses, at their bit positions in the header
/// (RFC 9293, section 3.1). The lesson carries no data, so URG and PSH are left out.
/// </summary>
[Flags]
public enum TcpFlags : byte
{
    None = 0,
    Fin = 0x01,
    Syn = 0x02,
    Rst = 0x04,
    Ack = 0x10,
}
