namespace NetCourse.Lesson05.Tests;

/// <summary>
/// What every decoder must do, whatever its framing: the same tests run for each codec (one
/// subclass per codec, each under its own README task).
/// </summary>
public abstract class DecoderContract(Codec codec)
{
    protected Codec Codec { get; } = codec;

    [Test, Hint("Feed the whole stream in one piece first: every frame in it must come out, in order.")]
    public void Decoder_given_the_whole_stream_in_one_piece_returns_every_message()
    {
        var messages = Codec.SmallMessages;
        Decoding.All(Codec.Decoder(), Codec.Stream(messages))
            .ShouldBeFrames(messages, "one piece holding the whole stream");
    }

    [Test, Points(2), Hint("A piece may end anywhere, even inside a header: keep what you have and continue with the next piece.")]
    public void Decoder_at_every_split_point_of_a_small_stream_returns_every_message()
    {
        var messages = Codec.SmallMessages;
        var stream = Codec.Stream(messages);
        for (var cut = 0; cut <= stream.Length; cut++)
            Decoding.All(Codec.Decoder(), stream, cut)
                .ShouldBeFrames(messages, $"the stream ({stream.Length} bytes) cut in two at offset {cut}");
    }

    [Test, Points(2), Hint("Two cuts can leave a piece entirely inside one header or one payload: it must still be kept.")]
    public void Decoder_at_every_pair_of_split_points_returns_every_message()
    {
        var messages = Codec.SmallMessages;
        var stream = Codec.Stream(messages);
        for (var first = 0; first <= stream.Length; first++)
            for (var second = first; second <= stream.Length; second++)
                Decoding.All(Codec.Decoder(), stream, first, second)
                    .ShouldBeFrames(messages, $"the stream ({stream.Length} bytes) cut at offsets {first} and {second}");
    }

    [Test, Hint("One byte per piece is the hardest case: every byte of a header or payload arrives alone.")]
    public void Decoder_fed_one_byte_at_a_time_returns_every_message()
    {
        var messages = Codec.SmallMessages;
        var stream = Codec.Stream(messages);
        Decoding.All(Codec.Decoder(), stream, [.. Enumerable.Range(1, stream.Length - 1)])
            .ShouldBeFrames(messages, "one byte per piece");
    }

    [Test, Hint("An empty piece carries nothing: it must not end, start or lose a frame.")]
    public void Decoder_ignores_empty_pieces()
    {
        var messages = Codec.SmallMessages;
        var stream = Codec.Stream(messages);
        var decoding = new Decoding(Codec.Decoder());
        for (var i = 0; i < stream.Length; i++) decoding.Feed([]).Feed(stream.AsSpan(i, 1)).Feed([]);
        decoding.Complete().Frames.ShouldBeFrames(messages, "each byte between two empty pieces");
    }

    [Test, Hint("Hand a frame out in the very Feed call that completes it, not later.")]
    public void Decoder_hands_out_a_frame_in_the_piece_that_completes_it()
    {
        var messages = Codec.SmallMessages;
        var stream = Codec.Stream(messages);
        var decoding = new Decoding(Codec.Decoder()).Feed(stream.AsSpan(0, stream.Length - 1));
        decoding.Frames.Count.ShouldBe(messages.Length - 1, "Every frame but the last was complete in the first piece, so each should have been handed out already.");
        decoding.Feed(stream.AsSpan(stream.Length - 1));
        decoding.Frames.Count.ShouldBe(messages.Length, "The last byte completed the last frame.");
    }

    [Test, Points(3), Hint("Seeded random cuts (sticky and split packets at once): when a frame spans several pieces, gather it; when a piece holds several frames, hand out each.")]
    public void Decoder_under_seeded_random_splits_and_merges_of_a_long_stream_returns_every_message()
    {
        var random = TestSeed.RandomForCurrentTest();
        for (var round = 0; round < 30; round++)
        {
            var messages = Codec.RandomMessages(random, count: random.Next(1, 200), maxLength: random.Next(1, 300));
            var stream = Codec.Stream(messages);
            var cuts = RandomCuts(random, stream.Length);
            Decoding.All(Codec.Decoder(), stream, cuts)
                .ShouldBeFrames(messages, $"round {round}: {messages.Length} messages, {stream.Length} bytes cut into {cuts.Length + 1} pieces at [{string.Join(", ", cuts.Take(20))}{(cuts.Length > 20 ? ", …" : "")}]");
        }
    }

    [Test, Hint("Check the state at the end of the stream: a frame begun and not finished is a TruncatedFrameException.")]
    public void Stream_that_ends_inside_a_frame_is_an_error_at_every_cut()
    {
        var frame = Codec.Frame("cut short"u8);
        for (var cut = 1; cut < frame.Length; cut++)
        {
            var decoding = new Decoding(Codec.Decoder()).Feed(frame.AsSpan(0, cut));
            Should.Throw<TruncatedFrameException>(() => decoding.Complete(),
                $"The stream ended after {cut} of the frame's {frame.Length} bytes: that must be reported, not dropped silently.");
        }
    }

    [Test, Hint("See rule 4: ReceivedBytes counts every byte of the unfinished frame that arrived, its header or padding included.")]
    public void Truncated_frame_error_counts_the_bytes_of_the_frame_that_arrived()
    {
        var frame = Codec.Frame("cut short"u8);
        for (var cut = 1; cut < frame.Length; cut++)
        {
            var decoding = new Decoding(Codec.Decoder()).Feed(Codec.Frame("whole"u8)).Feed(frame.AsSpan(0, cut));
            Should.Throw<TruncatedFrameException>(() => decoding.Complete()).ReceivedBytes.ShouldBe(cut,
                $"After a whole frame, {cut} of the next frame's {frame.Length} bytes arrived before the stream ended.");
        }
    }

    [Test, Hint("The whole frames before the cut are still handed out; only the unfinished one is an error.")]
    public void Stream_that_ends_inside_a_frame_still_delivers_the_frames_before_it()
    {
        var messages = Codec.SmallMessages;
        var stream = Codec.Stream([.. messages, [.. "cut short"u8]]);
        var decoding = new Decoding(Codec.Decoder()).Feed(stream.AsSpan(0, stream.Length - 2));
        Should.Throw<TruncatedFrameException>(() => decoding.Complete());
        decoding.Frames.ShouldBeFrames(messages, "the stream cut two bytes before the end of its last frame");
    }

    [Test, Hint("Complete after whole frames only is a clean end of stream: it must not throw.")]
    public void Stream_that_ends_between_frames_completes_cleanly()
    {
        var decoding = new Decoding(Codec.Decoder()).Feed(Codec.Stream(Codec.SmallMessages));
        Should.NotThrow(() => decoding.Complete(), "The stream ended right after a whole frame: nothing is missing.");
    }

    [Test, Hint("Only frames that straddle pieces need copying, into a buffer from ArrayPool<byte>.Shared that you give back: no new byte[] per frame.")]
    public void Decoding_a_long_stream_allocates_nothing_per_frame()
    {
        var random = TestSeed.RandomForCurrentTest();
        var messages = Codec.RandomMessages(random, count: 20_000, maxLength: 100);
        var stream = Codec.Stream(messages);
        var cuts = RandomCuts(random, stream.Length);
        var count = 0;
        FrameHandler onFrame = _ => count++;

        FeedAll(Codec.Decoder(), stream, cuts, onFrame); // warm-up: JIT, pool buckets
        var decoder = Codec.Decoder();
        var before = GC.GetAllocatedBytesForCurrentThread();
        FeedAll(decoder, stream, cuts, onFrame);
        var perFrame = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / messages.Length;

        count.ShouldBe(2 * messages.Length);
        perFrame.ShouldBeLessThan(1.0, $"Decoding allocated {perFrame:0.##} bytes per frame; in steady state it should allocate none.");
    }

    private static void FeedAll(IFrameDecoder decoder, byte[] stream, int[] cuts, FrameHandler onFrame)
    {
        var start = 0;
        foreach (var cut in cuts.Append(stream.Length))
        {
            decoder.Feed(stream.AsSpan(start, cut - start), onFrame);
            start = cut;
        }
        decoder.Complete();
    }

    /// <summary>Offsets that cut a stream into pieces of 1 byte to a few hundred: splits and merges mixed.</summary>
    protected static int[] RandomCuts(Random random, int length)
    {
        var cuts = new List<int>();
        for (var at = 0; ;)
        {
            at += random.Next(4) switch { 0 => 1, 1 => random.Next(1, 8), 2 => random.Next(8, 64), _ => random.Next(64, 600) };
            if (at >= length) return [.. cuts];
            cuts.Add(at);
        }
    }
}

[Task(2)]
public class LengthPrefixedDecoderContract() : DecoderContract(Codec.LengthPrefixed);

[Task(4)]
public class DelimiterDecoderContract() : DecoderContract(Codec.Delimited);

[Task(5)]
public class FixedLengthDecoderContract() : DecoderContract(Codec.FixedLength);
