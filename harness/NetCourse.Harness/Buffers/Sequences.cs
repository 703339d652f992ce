using System.Buffers;
using System.Text;

namespace NetCourse.Harness.Buffers;

/// <summary>
/// Builds a <see cref="ReadOnlySequence{T}"/> out of several segments, as a pipe hands over bytes
/// that arrived in several reads: parsers that only ever saw one contiguous span break here.
/// <code>var buffer = Sequences.Of("he", "l", "lo\r", "\nnext");</code>
/// </summary>
public static class Sequences
{
    /// <summary>One segment per piece, in order (no piece may be skipped, even an empty one).</summary>
    public static ReadOnlySequence<byte> Of(params byte[][] pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
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

    /// <summary>One segment per piece, each piece encoded as UTF-8.</summary>
    public static ReadOnlySequence<byte> Of(params string[] pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        return Of([.. pieces.Select(Encoding.UTF8.GetBytes)]);
    }

    /// <summary><paramref name="bytes"/> cut into segments of the sizes <paramref name="nextSize"/>
    /// gives, in turn (at least 1 byte each; the last one takes what is left).</summary>
    public static ReadOnlySequence<byte> Cut(byte[] bytes, Func<int> nextSize)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(nextSize);
        var pieces = new List<byte[]>();
        for (var at = 0; at < bytes.Length;)
        {
            var size = Math.Min(Math.Max(1, nextSize()), bytes.Length - at);
            pieces.Add(bytes[at..(at + size)]);
            at += size;
        }
        return Of([.. pieces]);
    }

    /// <summary>The bytes read as UTF-8 text.</summary>
    public static string Text(ReadOnlySequence<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>The bytes read as Latin-1: one character per byte, so binary bytes (a frame after
    /// an HTTP head) survive the round trip and show in a message.</summary>
    public static string Latin1(ReadOnlySequence<byte> bytes) => Encoding.Latin1.GetString(bytes);

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
