using System.Text;

namespace NetCourse.Lesson01;

/// <summary>
/// A TCP segment without data: its sequence number, its acknowledgement number and its control
/// bits. <see cref="Ack"/> means something only when <see cref="TcpFlags.Ack"/> is set; leave it 0
/// otherwise, so that two segments that mean the same thing are equal.
/// </summary>
public readonly record struct Segment(uint Seq, uint Ack, TcpFlags Flags)
{
    /// <summary>Whether every bit of <paramref name="flags"/> is set.</summary>
    public bool Has(TcpFlags flags) => (Flags & flags) == flags;

    /// <summary>
    /// SEG.LEN: the sequence numbers the segment occupies. SYN and FIN occupy one each, even
    /// though they carry no data (RFC 9293, section 3.4).
    /// </summary>
    public uint Length => (Has(TcpFlags.Syn) ? 1u : 0u) + (Has(TcpFlags.Fin) ? 1u : 0u);

    /// <summary>The RFC's notation, e.g. <c>&lt;SEQ=100&gt;&lt;ACK=301&gt;&lt;CTL=SYN,ACK&gt;</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"<SEQ={Seq}>");
        if (Has(TcpFlags.Ack) || Ack != 0) text.Append($"<ACK={Ack}>");
        var bits = new[] { TcpFlags.Syn, TcpFlags.Fin, TcpFlags.Rst, TcpFlags.Ack }
            .Where(Has)
            .Select(flag => flag.ToString().ToUpperInvariant());
        return text.Append($"<CTL={string.Join(',', bits)}>").ToString();
    }
}
