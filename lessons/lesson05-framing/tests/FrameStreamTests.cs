using NetCourse.Harness.Streams;
using NetCourse.Harness.Waiting;

namespace NetCourse.Lesson05.Tests;

[Task(6)]
public class FrameStreamTests
{
    private static async Task<Received> ReadAllAsync(Stream stream, IFrameDecoder decoder)
    {
        var frames = new List<byte[]>();
        using var deadline = Deadline.Start();
        try
        {
            await foreach (var frame in stream.ReadFramesAsync(decoder, deadline.Token)) frames.Add(frame);
            return new(frames, null);
        }
        catch (FramingException e)
        {
            return new(frames, e);
        }
    }

    [Test, Hint("See Hint 6.1: read until ReadAsync returns 0, feeding every read to the decoder and yielding what it hands out.")]
    public async Task ReadFramesAsync_yields_every_frame_of_a_stream_read_one_byte_at_a_time()
    {
        var messages = Codec.LengthPrefixed.SmallMessages;
        await using var stream = new ChunkedReadStream(new MemoryStream(Codec.LengthPrefixed.Stream(messages)), ReadSizes.OneByte);
        var received = await ReadAllAsync(stream, new LengthPrefixedDecoder());
        received.Error.ShouldBeNull();
        received.Frames.ShouldBeFrames(messages, "a stream read one byte per read");
    }

    [Test, Hint("The handler's span is only valid during the call: copy each frame (ToArray) before the next read overwrites the buffer.")]
    public async Task ReadFramesAsync_yields_frames_that_stay_intact_after_later_reads()
    {
        var messages = Codec.Delimited.RandomMessages(TestSeed.RandomForCurrentTest(), 200, 50);
        await using var stream = new ChunkedReadStream(new MemoryStream(Codec.Delimited.Stream(messages)), ReadSizes.Cycle(7, 100, 3));
        var received = await ReadAllAsync(stream, new DelimiterDecoder());
        received.Frames.ShouldBeFrames(messages, "200 lines read in pieces of 7, 100 and 3 bytes");
    }

    [Test, Hint("See Hint 6.2: at the end of the stream call the decoder's Complete, so a cut-off frame is an error and not a silent drop.")]
    public async Task ReadFramesAsync_over_a_stream_that_ends_inside_a_frame_throws_after_the_whole_frames()
    {
        var messages = Codec.LengthPrefixed.SmallMessages;
        var stream = Codec.LengthPrefixed.Stream([.. messages, [.. "never finished"u8]]);
        await using var cut = new MemoryStream(stream, 0, stream.Length - 3);
        var received = await ReadAllAsync(cut, new LengthPrefixedDecoder());
        received.Error.ShouldBeOfType<TruncatedFrameException>("The last frame lost its final 3 bytes: the reader must say so.");
        received.Frames.ShouldBeFrames(messages, "the whole frames before the cut");
    }

    [Test, Hint("A frame too large ends the stream with its FrameTooLargeException, after the good frames of the same read.")]
    public async Task ReadFramesAsync_over_a_hostile_header_yields_the_good_frames_then_throws()
    {
        byte[] stream = [.. Codec.LengthPrefixed.Stream([[.. "fine"u8]]), 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3];
        await using var input = new MemoryStream(stream);
        var received = await ReadAllAsync(input, new LengthPrefixedDecoder(maxFrameSize: 1000));
        received.Error.ShouldBeOfType<FrameTooLargeException>();
        received.Frames.ShouldBeFrames([[.. "fine"u8]], "one good frame before the hostile header");
    }

    [Test, Hint("An empty stream is a clean end with no frames.")]
    public async Task ReadFramesAsync_over_an_empty_stream_yields_nothing()
    {
        await using var input = new MemoryStream();
        var received = await ReadAllAsync(input, new LengthPrefixedDecoder());
        received.Error.ShouldBeNull();
        received.Frames.Count.ShouldBe(0);
    }
}
