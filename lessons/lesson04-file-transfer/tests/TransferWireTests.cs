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
    [Test, Hint("See Hint 2.4: a header frame must hold at least the 8-byte file length; a shorter one is a protocol error.")]
    public async Task Header_frame_too_short_for_the_file_length_is_a_protocol_error()
    {
        using var stream = new MemoryStream([0, 0, 0, 3, 1, 2, 3]);
        await Should.ThrowAsync<TransferProtocolException>(async () => await TransferWire.ReadHeaderAsync(stream).WithDeadline());
    }

    [Test, Hint("See Hint 2.4: a file length is never negative: a header announcing one is a protocol error.")]
    public async Task Header_announcing_a_negative_length_is_a_protocol_error()
    {
        using var stream = new MemoryStream(RawWire.Header("minus.txt", -1));
        await Should.ThrowAsync<TransferProtocolException>(async () => await TransferWire.ReadHeaderAsync(stream).WithDeadline());
    }

    [Test, Hint("See Hint 2.4: decode the name strictly (new UTF8Encoding(false, throwOnInvalidBytes: true)): bytes that are not UTF-8 are a protocol error, not a name full of replacement characters.")]
    public async Task Header_whose_name_is_not_UTF8_is_a_protocol_error()
    {
        using var stream = new MemoryStream([0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 1, 0xFF, 0xFE]);
        await Should.ThrowAsync<TransferProtocolException>(async () => await TransferWire.ReadHeaderAsync(stream).WithDeadline());
    }

    [Test, Hint("See Hint 2.4: a name over Wire.MaxNameBytes UTF-8 bytes is the caller's mistake: throw ArgumentException, write nothing.")]
    public async Task Header_with_a_name_over_255_UTF8_bytes_is_not_written()
    {
        using var output = new MemoryStream();
        await Should.ThrowAsync<ArgumentException>(async () => await TransferWire.WriteHeaderAsync(output, new FileHeader(new string('日', 86), 1)).WithDeadline());
        output.Length.ShouldBe(0, "Nothing may be written for a header that is refused.");
    }

    [Test, Hint("The limit is inclusive: a name of exactly Wire.MaxNameBytes UTF-8 bytes is written.")]
    public async Task Header_with_a_name_of_exactly_255_UTF8_bytes_is_written()
    {
        using var output = new MemoryStream();
        var name = new string('日', 85);
        await TransferWire.WriteHeaderAsync(output, new FileHeader(name, 1)).WithDeadline();
        Convert.ToHexString(output.ToArray()).ShouldBe(Convert.ToHexString(RawWire.Header(name, 1)));
    }

    [Test, Hint("See Hint 2.4: the status byte must be one of the table's; any other is a protocol error.")]
    public async Task Reply_with_an_unknown_status_is_a_protocol_error()
    {
        using var stream = new MemoryStream(RawWire.Reply((TransferStatus)6, "what?"));
        await Should.ThrowAsync<TransferProtocolException>(async () => await TransferWire.ReadReplyAsync(stream).WithDeadline());
    }

    [Test, Hint("See Hint 2.4: a reply frame holds at least its status byte; an empty one is a protocol error.")]
    public async Task Empty_reply_frame_is_a_protocol_error()
    {
        using var stream = new MemoryStream([0, 0, 0, 0]);
        await Should.ThrowAsync<TransferProtocolException>(async () => await TransferWire.ReadReplyAsync(stream).WithDeadline());
    }

    [Test, Hint("See Hint 2.3: the limit is inclusive: a frame of exactly Wire.MaxFrameSize bytes is read.")]
    public async Task Reply_frame_of_exactly_the_maximum_size_is_read()
    {
        var message = new string('m', Wire.MaxFrameSize - 1);
        using var stream = new MemoryStream(RawWire.Reply(TransferStatus.TooLarge, message));
        (await TransferWire.ReadReplyAsync(stream).WithDeadline()).ShouldBe(new TransferReply(TransferStatus.TooLarge, message));
    }

    [Test, Hint("See Hint 2.4: a message that just fits (status byte + message = Wire.MaxFrameSize bytes) is written whole.")]
    public async Task Reply_whose_message_just_fits_is_written_whole()
    {
        using var output = new MemoryStream();
        var message = new string('m', Wire.MaxFrameSize - 1);
        await TransferWire.WriteReplyAsync(output, new TransferReply(TransferStatus.TooLarge, message)).WithDeadline();
        Convert.ToHexString(output.ToArray()).ShouldBe(Convert.ToHexString(RawWire.Reply(TransferStatus.TooLarge, message)));
    }

    [Test, Hint("See Hint 2.4: a message too long for the frame is shortened to fit, keeping its beginning; the status is never lost.")]
    public async Task Reply_whose_message_is_too_long_is_shortened_to_fit_the_frame()
    {
        using var output = new MemoryStream();
        var message = new string('m', Wire.MaxFrameSize);
        await TransferWire.WriteReplyAsync(output, new TransferReply(TransferStatus.InvalidName, message)).WithDeadline();
        output.Position = 0;
        var reply = await RawWire.ReadReplyAsync(output);
        (output.Length - Wire.FramePrefixSize).ShouldBeLessThanOrEqualTo(Wire.MaxFrameSize, "The reply frame is over Wire.MaxFrameSize: the peer would refuse it.");
        reply.Status.ShouldBe(TransferStatus.InvalidName);
        message.StartsWith(reply.Message, StringComparison.Ordinal).ShouldBeTrue("The shortened message should be the beginning of the original.");
        reply.Message.ShouldNotBeEmpty("Shorten the message, do not drop it.");
    }
    [Test, Hint("A reply frame of just its status byte is a reply with an empty message.")]
    public async Task Reply_with_an_empty_message_is_read()
    {
        using var stream = new MemoryStream(RawWire.Reply(TransferStatus.Ok, ""));
        (await TransferWire.ReadReplyAsync(stream).WithDeadline()).ShouldBe(new TransferReply(TransferStatus.Ok, ""));
    }

    [Test, Hint("See Hint 2.4: a header frame of exactly 8 bytes holds the file length and an empty name: read it (the receiver refuses the name).")]
    public async Task Header_with_an_empty_name_is_read()
    {
        using var stream = new MemoryStream(RawWire.Header("", 5));
        (await TransferWire.ReadHeaderAsync(stream).WithDeadline()).ShouldBe(new FileHeader("", 5));
    }
}
