using NetCourse.Harness.Streams;

namespace NetCourse.Lesson04.Tests;

[Task(2)]
public class TransferWireTests
{
    [Test, Hint("See Hint 2.1: u32 payload length, u64 file length, then the UTF-8 name, all big-endian.")]
    public async Task Header_is_written_as_a_length_prefixed_frame()
    {
        using var output = new MemoryStream();
        await TransferWire.WriteHeaderAsync(output, new FileHeader("a.txt", 258)).WithDeadline();
        Convert.ToHexString(output.ToArray()).ShouldBe(Convert.ToHexString(RawWire.Header("a.txt", 258)),
            "Expected 0000000D (13 payload bytes) 0000000000000102 (258) 612E747874 (\"a.txt\").");
    }

    [Test, Hint("Decode what WriteHeaderAsync wrote: the same name (UTF-8) and length come back.")]
    public async Task Header_read_back_gives_the_same_name_and_length()
    {
        using var stream = new MemoryStream(RawWire.Header("résumé.txt", 1L << 40));
        var header = await TransferWire.ReadHeaderAsync(stream).WithDeadline();
        header.ShouldBe(new FileHeader("résumé.txt", 1L << 40));
    }

    [Test, Points(2), Hint("See Hint 2.2: one ReadAsync may return a single byte; ReadExactlyAsync keeps reading until the frame is whole.")]
    public async Task Header_arriving_one_byte_per_read_is_read_whole()
    {
        await using var stream = new ChunkedReadStream(new MemoryStream(RawWire.Header("日本語.txt", 12345)), ReadSizes.OneByte);
        var header = await TransferWire.ReadHeaderAsync(stream).WithDeadline();
        header.ShouldBe(new FileHeader("日本語.txt", 12345), "The header arrived one byte per read, as TCP may deliver it.");
    }

    [Test, Hint("See Hint 2.3: check the announced frame length against Wire.MaxFrameSize before allocating it.")]
    public async Task Header_announcing_a_huge_frame_is_a_protocol_error()
    {
        using var stream = new MemoryStream([0x7F, 0xFF, 0xFF, 0xFF, 1, 2, 3]);
        await Should.ThrowAsync<TransferProtocolException>(async () => await TransferWire.ReadHeaderAsync(stream).WithDeadline());
    }

    [Test, Hint("A stream that ends inside the header frame is a TransferProtocolException, not a half-read name.")]
    public async Task Header_cut_short_by_the_end_of_stream_is_a_protocol_error()
    {
        var header = RawWire.Header("cut.txt", 10);
        using var stream = new MemoryStream(header, 0, header.Length - 2);
        await Should.ThrowAsync<TransferProtocolException>(async () => await TransferWire.ReadHeaderAsync(stream).WithDeadline());
    }

    [Test, Hint("The reply frame: u32 payload length, the status byte, the UTF-8 message.")]
    public async Task Reply_is_written_as_a_status_byte_and_a_message()
    {
        using var output = new MemoryStream();
        await TransferWire.WriteReplyAsync(output, new TransferReply(TransferStatus.AlreadyExists, "exists")).WithDeadline();
        Convert.ToHexString(output.ToArray()).ShouldBe(Convert.ToHexString(RawWire.Reply(TransferStatus.AlreadyExists, "exists")));
    }

    [Test, Hint("Replies cross the network too: read them whole, however the bytes are split.")]
    public async Task Reply_arriving_one_byte_per_read_is_read_whole()
    {
        await using var stream = new ChunkedReadStream(new MemoryStream(RawWire.Reply(TransferStatus.ChecksumMismatch, "bad sum")), ReadSizes.OneByte);
        var reply = await TransferWire.ReadReplyAsync(stream).WithDeadline();
        reply.ShouldBe(new TransferReply(TransferStatus.ChecksumMismatch, "bad sum"));
    }
}
