using System.Buffers;

namespace NetCourse.Lesson05.Tests;

[Task(1)]
public class LengthPrefixedEncoderTests
{
    private static byte[] Encode(params byte[][] messages)
    {
        var output = new ArrayBufferWriter<byte>();
        var encoder = new LengthPrefixedEncoder();
        foreach (var message in messages) encoder.Encode(message, output);
        return output.WrittenSpan.ToArray();
    }

    [Test, Hint("See Hint 1.1: four length bytes, then the payload.")]
    public void Encode_writes_a_four_byte_length_then_the_payload()
    {
        FrameAssertions.Hex(Encode([.. "hello"u8])).ShouldBe(FrameAssertions.Hex([0, 0, 0, 5, .. "hello"u8]),
            "\"hello\" is framed as the length 5 in four bytes, then its five bytes.");
    }

    [Test, Hint("See Hint 1.2: network byte order is big-endian, the most significant byte first (BinaryPrimitives.WriteUInt32BigEndian).")]
    public void Encode_writes_the_length_big_endian()
    {
        var frame = Encode(new byte[0x0102]);
        FrameAssertions.Hex(frame.AsSpan(0, 4)).ShouldBe(FrameAssertions.Hex([0x00, 0x00, 0x01, 0x02]),
            "A 258-byte message (0x0102) needs the header 00 00 01 02: most significant byte first.");
    }

    [Test, Hint("An empty message is still a frame: a header holding 0 and no payload.")]
    public void Encode_of_an_empty_message_writes_a_zero_length_header()
    {
        FrameAssertions.Hex(Encode(Array.Empty<byte>())).ShouldBe(FrameAssertions.Hex([0, 0, 0, 0]));
    }

    [Test, Hint("Advance the writer by exactly what you wrote, so the next frame starts right after.")]
    public void Encode_appends_each_frame_after_the_previous_one()
    {
        FrameAssertions.Hex(Encode([.. "ab"u8], [], [.. "c"u8]))
            .ShouldBe(FrameAssertions.Hex([0, 0, 0, 2, .. "ab"u8, 0, 0, 0, 0, 0, 0, 0, 1, .. "c"u8]));
    }

    [Test, Hint("See Hint 1.3: ask the writer for one span big enough for header and payload and write both into it; no temporary arrays.")]
    public void Encode_into_a_presized_writer_allocates_nothing()
    {
        var message = new byte[100];
        var output = new ArrayBufferWriter<byte>(1_000 * 104);
        var encoder = new LengthPrefixedEncoder();
        encoder.Encode(message, output); // warm-up
        output.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) encoder.Encode(message, output);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WrittenCount.ShouldBe(1_000 * 104);
        allocated.ShouldBeLessThan(1_000, $"Encoding 1,000 frames allocated {allocated} bytes: write into the writer's own memory.");
    }
}
