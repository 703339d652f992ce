using System.Buffers;

namespace NetCourse.Lesson05.Tests;

[Task(4)]
public class DelimiterCodecTests
{
    private static byte[] Encode(IFrameEncoder encoder, ReadOnlySpan<byte> message)
    {
        var output = new ArrayBufferWriter<byte>();
        encoder.Encode(message, output);
        return output.WrittenSpan.ToArray();
    }

    [Test, Hint("See Hint 4.1: the message, then the delimiter byte.")]
    public void Encode_writes_the_message_then_the_delimiter()
    {
        FrameAssertions.Hex(Encode(new DelimiterEncoder(), "ping"u8)).ShouldBe(FrameAssertions.Hex("ping\n"u8));
    }

    [Test, Hint("Use the Delimiter the encoder was given, not a hard-coded '\\n'.")]
    public void Encode_uses_the_chosen_delimiter()
    {
        FrameAssertions.Hex(Encode(new DelimiterEncoder(0), "ping"u8)).ShouldBe(FrameAssertions.Hex("ping\0"u8));
    }

    [Test, Hint("See Hint 4.2: a delimiter anywhere in the message, its first byte included, would cut it at the receiver.")]
    public void Encode_refuses_a_message_that_starts_with_the_delimiter()
    {
        Should.Throw<ArgumentException>(() => new DelimiterEncoder().Encode("\nlate"u8, new ArrayBufferWriter<byte>()),
            "\"\\nlate\" would arrive as an empty message and then \"late\": the encoder must refuse it.");
    }

    [Test, Hint("See Hint 4.2: a delimiter inside the message would cut it in two at the receiver; throw ArgumentException instead.")]
    public void Encode_refuses_a_message_that_contains_the_delimiter()
    {
        var output = new ArrayBufferWriter<byte>();
        Should.Throw<ArgumentException>(() => new DelimiterEncoder().Encode("two\nlines"u8, output),
            "\"two\\nlines\" would arrive as two messages: the encoder must refuse it.");
        output.WrittenCount.ShouldBe(0, "A refused message writes nothing.");
    }

    [Test, Hint("The delimiter ends the frame and is not part of it.")]
    public void Decoder_hands_out_each_line_without_its_delimiter()
    {
        Decoding.All(new DelimiterDecoder(), [.. "a\nbc\n"u8]).ShouldBeFrames([[.. "a"u8], [.. "bc"u8]], "\"a\\nbc\\n\"");
    }

    [Test, Hint("Two delimiters in a row enclose an empty frame.")]
    public void Decoder_returns_an_empty_frame_for_an_empty_line()
    {
        Decoding.All(new DelimiterDecoder(), [.. "\n\nx\n"u8]).ShouldBeFrames([[], [], [.. "x"u8]], "\"\\n\\nx\\n\"");
    }

    [Test, Hint("Use the Delimiter the decoder was given.")]
    public void Decoder_splits_at_the_chosen_delimiter()
    {
        Decoding.All(new DelimiterDecoder((byte)';'), [.. "a\nb;c;"u8]).ShouldBeFrames([[.. "a\nb"u8], [.. "c"u8]], "\"a\\nb;c;\" split at ';'");
    }

    [Test, Hint("See Hint 4.3: the frame's length is unknown until its delimiter comes; count the bytes gathered so far against MaxFrameSize.")]
    public void Line_longer_than_the_maximum_is_rejected_before_its_delimiter_arrives()
    {
        var decoder = new DelimiterDecoder(maxFrameSize: 100);
        decoder.Feed(new byte[60], _ => { });
        Should.Throw<FrameTooLargeException>(() => decoder.Feed(new byte[60], _ => { }),
            "120 bytes without a delimiter with MaxFrameSize 100: a peer that never sends '\\n' must be stopped, not buffered forever.");
    }

    [Test, Hint("The maximum counts the frame, not its delimiter, and is inclusive.")]
    public void Line_of_exactly_the_maximum_size_is_accepted()
    {
        var line = Enumerable.Repeat((byte)'x', 100).ToArray();
        Decoding.All(new DelimiterDecoder(maxFrameSize: 100), [.. line, (byte)'\n'], 50, 100)
            .ShouldBeFrames([line], "a 100-byte line with MaxFrameSize 100");
    }

    [Test, Hint("A line's bytes are kept until its delimiter comes, however long the first piece without one is (up to MaxFrameSize).")]
    public void Line_of_1000_bytes_whose_first_piece_has_no_delimiter_is_one_frame()
    {
        var line = Enumerable.Repeat((byte)'x', 1000).ToArray();
        Decoding.All(new DelimiterDecoder(), [.. line, (byte)'\n'], 999)
            .ShouldBeFrames([line], "a 1000-byte line cut one byte before its end, then its last byte and the delimiter");
    }

    [Test, Hint("A too-long line that arrives whole with its delimiter in one piece is too long as well.")]
    public void Line_over_the_maximum_is_rejected_even_when_it_arrives_whole()
    {
        var decoder = new DelimiterDecoder(maxFrameSize: 10);
        Should.Throw<FrameTooLargeException>(() => decoder.Feed([.. new byte[11], (byte)'\n'], _ => { }));
    }

    [Test, Hint("See rule 3: after a line too long the stream cannot be resynchronized; refuse every later Feed with InvalidOperationException.")]
    public void Decoder_refuses_input_after_a_line_too_long()
    {
        var decoder = new DelimiterDecoder(maxFrameSize: 10);
        Should.Throw<FrameTooLargeException>(() => decoder.Feed(new byte[11], _ => { }));
        Should.Throw<InvalidOperationException>(() => decoder.Feed("ok\n"u8, _ => { }),
            "The rest of the too-long line would be read as a new line: a decoder that rejected its stream must refuse more input.");
    }

    [Test, Hint("Bad input loses nothing: the lines before the long one are handed out first.")]
    public void Lines_before_a_too_long_line_are_delivered_before_the_error()
    {
        var decoding = new Decoding(new DelimiterDecoder(maxFrameSize: 10));
        Should.Throw<FrameTooLargeException>(() => decoding.Feed([.. "ok\nfine\n"u8, .. new byte[20]]));
        decoding.Frames.ShouldBeFrames([[.. "ok"u8], [.. "fine"u8]], "two short lines, then 20 bytes without a delimiter");
    }
}
