using System.Buffers;
using NetCourse.Harness.Streams;

namespace NetCourse.Harness.Tests.Streams;

public class ScriptedPipeReaderTests
{
    [Test]
    public async Task Data_with_end_of_stream_arrives_in_the_same_read_as_completion()
    {
        var reader = ScriptedPipeReader.DataWithEndOfStream("last"u8.ToArray());

        var result = await reader.ReadAsync();

        result.Buffer.ToArray().ShouldBe("last"u8.ToArray());
        result.IsCompleted.ShouldBeTrue();
    }

    [Test]
    public async Task A_reader_that_examined_everything_is_shown_the_next_piece()
    {
        var reader = new ScriptedPipeReader("abcdef"u8.ToArray(), ReadSizes.Cycle(2));

        var first = await reader.ReadAsync();
        reader.AdvanceTo(first.Buffer.Start, first.Buffer.End);
        var second = await reader.ReadAsync();

        first.Buffer.Length.ShouldBe(2);
        second.Buffer.ToArray().ShouldBe("abcd"u8.ToArray());
        second.IsCompleted.ShouldBeFalse();
    }

    [Test]
    public async Task Consumed_bytes_are_gone_from_the_next_read()
    {
        var reader = new ScriptedPipeReader("abcdef"u8.ToArray(), ReadSizes.Cycle(3));

        var first = await reader.ReadAsync();
        reader.AdvanceTo(first.Buffer.GetPosition(2), first.Buffer.End);
        var second = await reader.ReadAsync();

        second.Buffer.ToArray().ShouldBe("cdef"u8.ToArray());
        second.IsCompleted.ShouldBeTrue();
    }
}
