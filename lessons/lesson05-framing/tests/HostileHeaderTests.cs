namespace NetCourse.Lesson05.Tests;

[Task(3)]
public class HostileHeaderTests
{
    private static byte[] Header(uint length) => [(byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length];

    [Test, Hint("See Hint 3.1: compare the announced length with MaxFrameSize as soon as the header is complete.")]
    public void Header_announcing_four_GiB_is_rejected_with_FrameTooLargeException()
    {
        var decoder = new LengthPrefixedDecoder(maxFrameSize: 1024);
        var error = Should.Throw<FrameTooLargeException>(() => decoder.Feed(Header(0xFFFF_FFFF), _ => { }),
            "A header announcing 4 GiB must be refused at once, before any payload arrives.");
        error.Length.ShouldBe(0xFFFF_FFFFL, "The exception tells the announced length.");
        error.MaxFrameSize.ShouldBe(1024);
    }

    [Test, Hint("See Hint 3.1: a length above int.MaxValue is still a uint; compare it as one, not after a cast to int.")]
    public void Header_announcing_more_than_int_MaxValue_is_rejected()
    {
        var decoder = new LengthPrefixedDecoder();
        Should.Throw<FrameTooLargeException>(() => decoder.Feed([.. Header(0x8000_0000), 1, 2, 3], _ => { }),
            "0x80000000 bytes is too large; cast to int it looks negative, which must not slip through.");
    }

    [Test, Hint("See Hint 3.2: reject before renting or allocating the payload buffer.")]
    public void Header_announcing_too_much_is_rejected_before_anything_is_allocated()
    {
        var decoder = new LengthPrefixedDecoder(maxFrameSize: 64 * 1024 * 1024);
        byte[] piece = [.. Header(64 * 1024 * 1024 + 1), 1, 2, 3];
        var before = GC.GetAllocatedBytesForCurrentThread();
        try { decoder.Feed(piece, _ => { }); } catch (FrameTooLargeException) { }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.ShouldBeLessThan(64 * 1024, $"A header announcing 64 MiB + 1 over the limit cost {allocated} bytes; it should cost nothing but the exception.");
    }

    [Test, Hint("The maximum is inclusive: a frame of exactly MaxFrameSize bytes is allowed.")]
    public void Frame_of_exactly_the_maximum_size_is_accepted()
    {
        var message = new byte[100];
        Decoding.All(new LengthPrefixedDecoder(maxFrameSize: 100), Codec.LengthPrefixed.Frame(message), 2, 50)
            .ShouldBeFrames([message], "a 100-byte frame with MaxFrameSize 100");
    }

    [Test, Hint("One byte over the maximum is too large.")]
    public void Frame_one_byte_over_the_maximum_is_rejected()
    {
        var decoder = new LengthPrefixedDecoder(maxFrameSize: 100);
        Should.Throw<FrameTooLargeException>(() => decoder.Feed(Header(101), _ => { }));
    }

    [Test, Hint("The limit applies to a header that arrives in pieces too.")]
    public void Hostile_header_split_across_pieces_is_rejected_when_it_completes()
    {
        var decoder = new LengthPrefixedDecoder(maxFrameSize: 100);
        var header = Header(0x7FFF_FFFF);
        decoder.Feed(header.AsSpan(0, 1), _ => { });
        decoder.Feed(header.AsSpan(1, 2), _ => { });
        Should.Throw<FrameTooLargeException>(() => decoder.Feed(header.AsSpan(3), _ => { }));
    }

    [Test, Hint("Bad input loses nothing: hand out the good frames in the piece before throwing at the bad header.")]
    public void Frames_before_a_hostile_header_are_delivered_before_the_error()
    {
        var decoding = new Decoding(new LengthPrefixedDecoder(maxFrameSize: 100));
        byte[] piece = [.. Codec.LengthPrefixed.Stream([[.. "good"u8], [.. "also good"u8]]), .. Header(1_000_000)];
        Should.Throw<FrameTooLargeException>(() => decoding.Feed(piece));
        decoding.Frames.ShouldBeFrames([[.. "good"u8], [.. "also good"u8]], "two good frames, then a hostile header, in one piece");
    }

    [Test, Hint("After a frame too large the stream cannot be resynchronized: refuse further input with InvalidOperationException.")]
    public void Decoder_that_rejected_a_frame_refuses_further_input()
    {
        var decoder = new LengthPrefixedDecoder(maxFrameSize: 10);
        Should.Throw<FrameTooLargeException>(() => decoder.Feed(Header(11), _ => { }));
        Should.Throw<InvalidOperationException>(() => decoder.Feed([0, 0, 0, 0], _ => { }),
            "The bytes after a rejected header are not a frame boundary; the decoder must not go on as if they were.");
    }
}
