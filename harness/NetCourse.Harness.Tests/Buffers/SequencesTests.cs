using System.Buffers;
using System.Text;
using NetCourse.Harness.Buffers;

namespace NetCourse.Harness.Tests.Buffers;

public class SequencesTests
{
    [Test]
    public void Pieces_become_one_segment_each_in_order()
    {
        var sequence = Sequences.Of("he", "l", "lo");

        sequence.IsSingleSegment.ShouldBeFalse();
        var segments = new List<string>();
        foreach (var memory in sequence) segments.Add(Encoding.UTF8.GetString(memory.Span));
        segments.ShouldBe(["he", "l", "lo"]);
        sequence.Length.ShouldBe(5);
        Sequences.Text(sequence).ShouldBe("hello");
    }

    [Test]
    public void Slicing_across_segments_keeps_positions_consistent()
    {
        var sequence = Sequences.Of([1, 2], [3], [4, 5, 6]);

        sequence.Slice(1, 4).ToArray().ShouldBe(new byte[] { 2, 3, 4, 5 });
        sequence.PositionOf((byte)5).ShouldNotBeNull();
        sequence.Slice(sequence.PositionOf((byte)4)!.Value).ToArray().ShouldBe(new byte[] { 4, 5, 6 });
    }

    [Test]
    public void No_pieces_is_the_empty_sequence()
    {
        Sequences.Of(Array.Empty<byte[]>()).IsEmpty.ShouldBeTrue();
    }

    [Test]
    public void Cut_uses_the_sizes_in_turn_and_the_last_piece_takes_the_rest()
    {
        var sizes = new Queue<int>([2, 0, 3]);
        var sequence = Sequences.Cut([1, 2, 3, 4, 5, 6, 7], () => sizes.Count > 0 ? sizes.Dequeue() : 10);

        var lengths = new List<int>();
        foreach (var memory in sequence) lengths.Add(memory.Length);
        lengths.ShouldBe([2, 1, 3, 1], "A size below 1 still takes one byte; the last piece stops at the end.");
        sequence.ToArray().ShouldBe(new byte[] { 1, 2, 3, 4, 5, 6, 7 });
    }

    [Test]
    public void Latin1_keeps_one_character_per_byte()
    {
        Sequences.Latin1(Sequences.Of([0x81, 0x05], "ok"u8.ToArray())).ShouldBe("\u0081\u0005ok");
    }
}
