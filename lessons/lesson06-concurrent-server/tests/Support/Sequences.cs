using System.Buffers;
using System.Text;

namespace NetCourse.Lesson06.Tests.Support;

/// <summary>Builds a <see cref="ReadOnlySequence{T}"/> out of several segments, as a pipe hands
/// over bytes that arrived in several reads.</summary>
public static class Sequences
{
    public static ReadOnlySequence<byte> Of(params string[] pieces)
    {
        if (pieces.Length == 0) return ReadOnlySequence<byte>.Empty;
        Segment? first = null, last = null;
        foreach (var piece in pieces)
        {
            var segment = new Segment(Encoding.UTF8.GetBytes(piece));
            if (first is null) first = segment;
            else last!.Append(segment);
            last = segment;
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    public static string Text(ReadOnlySequence<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes) => Memory = bytes;

        public void Append(Segment next)
        {
            next.RunningIndex = RunningIndex + Memory.Length;
            Next = next;
        }
    }
}
