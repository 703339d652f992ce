using System.Buffers.Binary;

namespace NetCourse.Lesson05.Tests;

[Task(2)]
public class LengthPrefixedDecoderTests
{
    [Test, Hint("See Hint 2.1: the length is big-endian (BinaryPrimitives.ReadUInt32BigEndian).")]
    public void Decoder_reads_the_length_big_endian()
    {
        byte[] stream = [0x00, 0x00, 0x01, 0x02, .. new byte[0x0102]];
        var frames = Decoding.All(new LengthPrefixedDecoder(), stream);
        frames.Count.ShouldBe(1, "00 00 01 02 announces one 258-byte payload, and exactly 258 bytes follow.");
        frames[0].Length.ShouldBe(0x0102);
    }

    [Test, Hint("See Hint 2.2: the four header bytes may arrive in several pieces; gather them before reading the length.")]
    public void Decoder_with_a_header_split_across_pieces_returns_one_frame()
    {
        var stream = Codec.LengthPrefixed.Frame("split header"u8);
        Decoding.All(new LengthPrefixedDecoder(), stream, 1, 3)
            .ShouldBeFrames([[.. "split header"u8]], "a header split 1 + 2 + (1 + payload)");
    }

    [Test, Hint("A read may hold several frames (sticky packets): keep decoding until the piece is used up.")]
    public void Decoder_given_two_frames_in_one_piece_returns_both()
    {
        var stream = Codec.LengthPrefixed.Stream([[.. "one"u8], [.. "two"u8]]);
        Decoding.All(new LengthPrefixedDecoder(), stream).ShouldBeFrames([[.. "one"u8], [.. "two"u8]], "two frames in one piece");
    }

    [Test, Hint("A read is not a frame: the payload may arrive over several reads, and only the announced length ends it.")]
    public void Decoder_gathers_a_payload_that_arrives_in_several_pieces()
    {
        var message = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        Decoding.All(new LengthPrefixedDecoder(), Codec.LengthPrefixed.Frame(message), 10, 50, 90)
            .ShouldBeFrames([message], "a 100-byte payload in pieces of 6, 40, 40 and 14 bytes");
    }

    [Test, Hint("A zero length is a complete frame as soon as its header is in: hand out an empty frame at once.")]
    public void Decoder_returns_a_zero_length_frame_as_soon_as_its_header_arrives()
    {
        var decoding = new Decoding(new LengthPrefixedDecoder()).Feed([0, 0, 0, 0]);
        decoding.Frames.ShouldBeFrames([[]], "the header 00 00 00 00 alone");
    }

    [Test, Hint("The header's length is not part of the frame: hand out the payload only.")]
    public void Decoder_hands_out_the_payload_without_its_header()
    {
        Decoding.All(new LengthPrefixedDecoder(), [0, 0, 0, 1, 0x7F]).ShouldBeFrames([[0x7F]], "the frame 00 00 00 01 7F");
    }

    [Test, Hint("Count the header bytes you still need separately from the payload bytes; a header that ends exactly at the end of a piece is a common slip.")]
    public void Decoder_with_a_header_that_ends_a_piece_reads_the_payload_from_the_next()
    {
        var stream = Codec.LengthPrefixed.Stream([[.. "ab"u8], [.. "cd"u8]]);
        Decoding.All(new LengthPrefixedDecoder(), stream, 4, 6, 10)
            .ShouldBeFrames([[.. "ab"u8], [.. "cd"u8]], "pieces: header | payload | header | payload");
    }

    [Test, Hint("The announced length may be bigger than any read buffer: gather it all.")]
    public void Decoder_gathers_a_frame_larger_than_a_typical_read()
    {
        var message = new byte[200_000];
        TestSeed.RandomForCurrentTest().NextBytes(message);
        var stream = Codec.LengthPrefixed.Frame(message);
        var cuts = Enumerable.Range(1, stream.Length / 4096).Select(i => i * 4096).ToArray();
        Decoding.All(new LengthPrefixedDecoder(), stream, cuts).ShouldBeFrames([message], "a 200,000-byte frame in 4 KiB pieces");
    }

    [Test, Hint("Each frame's length is the one its own header announced.")]
    public void Decoder_returns_frames_of_many_lengths_in_order()
    {
        var messages = Enumerable.Range(0, 40).Select(n => Enumerable.Repeat((byte)n, n * 7).ToArray()).ToArray();
        var stream = Codec.LengthPrefixed.Stream(messages);
        BinaryPrimitives.ReadUInt32BigEndian(stream).ShouldBe(0u);
        Decoding.All(new LengthPrefixedDecoder(), stream, 3, 100, 101, 500).ShouldBeFrames(messages, "40 frames of 0, 7, 14 … 273 bytes");
    }
}
