namespace NetCourse.Lesson01.Tests.Support;

/// <summary>Segments written the way the RFC's figures write them: <c>Seg(Syn | Ack, seq: 300, ack: 101)</c>.</summary>
internal static class Segments
{
    public static Segment Seg(TcpFlags flags, uint seq, uint ack = 0) => new(seq, ack, flags);

    public static string Describe(IEnumerable<Segment> segments)
    {
        var list = segments.ToList();
        return list.Count == 0 ? "nothing" : string.Join(", ", list);
    }
}
