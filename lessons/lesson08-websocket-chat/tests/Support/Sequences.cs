using System.Buffers;

namespace NetCourse.Lesson08.Tests.Support;

/// <summary>Builds a <see cref="ReadOnlySequence{T}"/> out of several segments, as a pipe hands
/// over bytes that arrived in several reads.</summary>
public static class Sequences
{
    public static ReadOnlySequence<byte> Of(params byte[][] pieces)
    {
        if (pieces.Length == 0) return ReadOnlySequence<byte>.Empty;
        Segment? first = null, last = null;
        foreach (var piece in pieces)
        {
            var segment = new Segment(piece);
            if (first is null) first = segment;
            else last!.Append(segment);
            last = segment;
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary><paramref name="bytes"/> cut into pieces of the given sizes, in turn.</summary>
    public static ReadOnlySequence<byte> Cut(byte[] bytes, Func<int> nextSize)
    {
        var pieces = new List<byte[]>();
        for (var at = 0; at < bytes.Length;)
        {
            var size = Math.Min(Math.Max(1, nextSize()), bytes.Length - at);
            pieces.Add(bytes[at..(at + size)]);
            at += size;
        }
        return Of([.. pieces]);
    }

    public static string Text(ReadOnlySequence<byte> bytes) => Encoding.Latin1.GetString(bytes);

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
