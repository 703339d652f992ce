using System.Buffers;

namespace NetCourse.Lesson05.Tests;

[Task(5)]
public class FixedLengthCodecTests
{
    private static byte[] Encode(IFrameEncoder encoder, ReadOnlySpan<byte> message)
    {
        var output = new ArrayBufferWriter<byte>();
        encoder.Encode(message, output);
        return output.WrittenSpan.ToArray();
    }

    [Test, Hint("See Hint 5.1: write the message, then fill the rest of the frame with the padding byte.")]
    public void Encode_pads_the_message_to_the_frame_length()
    {
        FrameAssertions.Hex(Encode(new FixedLengthEncoder(8, (byte)' '), "abc"u8)).ShouldBe(FrameAssertions.Hex("abc     "u8));
    }

    [Test, Hint("A message exactly as long as the frame fits: it needs no padding.")]
    public void Encode_of_a_message_as_long_as_the_frame_writes_it_unpadded()
    {
        FrameAssertions.Hex(Encode(new FixedLengthEncoder(4), "abcd"u8)).ShouldBe(FrameAssertions.Hex("abcd"u8));
    }

    [Test, Hint("An empty message is a frame of padding only.")]
    public void Encode_of_an_empty_message_writes_a_frame_of_padding()
    {
        FrameAssertions.Hex(Encode(new FixedLengthEncoder(4), [])).ShouldBe(FrameAssertions.Hex([0, 0, 0, 0]));
    }

    [Test, Hint("A message longer than the frame cannot be sent: throw ArgumentException, do not cut it.")]
    public void Encode_refuses_a_message_longer_than_the_frame()
    {
        var output = new ArrayBufferWriter<byte>();
        Should.Throw<ArgumentException>(() => new FixedLengthEncoder(4).Encode("abcde"u8, output));
        output.WrittenCount.ShouldBe(0, "A refused message writes nothing.");
    }

    [Test, Hint("See Hint 5.2: the receiver strips trailing padding, so a message that ends with the padding byte would come out shorter.")]
    public void Encode_refuses_a_message_that_ends_with_the_padding_byte()
    {
        Should.Throw<ArgumentException>(() => new FixedLengthEncoder(8, (byte)' ').Encode("abc "u8, new ArrayBufferWriter<byte>()));
    }

    [Test, Hint("Cut every FrameLength bytes and strip the trailing padding of each frame.")]
    public void Decoder_strips_the_padding_of_each_frame()
    {
        Decoding.All(new FixedLengthDecoder(4, (byte)'.'), [.. "ab..abcd....x.y."u8])
            .ShouldBeFrames([[.. "ab"u8], [.. "abcd"u8], [], [.. "x.y"u8]], "four 4-byte frames padded with '.'");
    }

    [Test, Hint("A frame of padding only is an empty message.")]
    public void Decoder_returns_an_empty_message_for_a_frame_of_padding()
    {
        Decoding.All(new FixedLengthDecoder(3), [0, 0, 0]).ShouldBeFrames([[]], "one frame of zero padding");
    }

    [Test, Hint("A frame that straddles pieces must be gathered until FrameLength bytes are in.")]
    public void Decoder_gathers_a_frame_split_across_pieces()
    {
        Decoding.All(new FixedLengthDecoder(6), [.. "abcdefghijkl"u8], 1, 5, 7)
            .ShouldBeFrames([[.. "abcdef"u8], [.. "ghijkl"u8]], "two 6-byte frames cut at 1, 5 and 7");
    }
}
