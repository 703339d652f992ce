namespace NetCourse.Lesson05.Tests;

/// <summary>What every encoder must do, whatever its framing (one subclass per codec, each under
/// its own README task).</summary>
public abstract class EncoderContract(Codec codec)
{
    [Test, Hint("See rule 6: ask GetSpan for the whole frame at once. A writer may hand out exactly the size asked for and not a byte more.")]
    public void Encode_into_a_writer_that_hands_out_exactly_the_size_asked_for_writes_the_whole_frame()
    {
        byte[] message = [.. "exactly"u8];
        var output = new ExactBufferWriter();
        codec.Encoder().Encode(message, output);
        FrameAssertions.Hex(output.Written).ShouldBe(FrameAssertions.Hex(codec.Frame(message)),
            $"the {codec} frame of a 7-byte message, written into a writer that hands out exactly the bytes asked for");
    }
}

[Task(1)]
public class LengthPrefixedEncoderContract() : EncoderContract(Codec.LengthPrefixed);

[Task(4)]
public class DelimiterEncoderContract() : EncoderContract(Codec.Delimited);

[Task(5)]
public class FixedLengthEncoderContract() : EncoderContract(Codec.FixedLength);
