using NetCourse.Harness.Tcp;

namespace NetCourse.Lesson05.Tests;

/// <summary>The same streams over real TCP, through a proxy that splits and merges what the client wrote.</summary>
[Task(6), TimeLimit(30)]
public class ProxyTests
{
    private static readonly Codec[] Codecs = [Codec.LengthPrefixed, Codec.Delimited, Codec.FixedLength];

    private static byte[][] Writes(Codec codec, IEnumerable<byte[]> messages) => [.. messages.Select(m => codec.Frame(m))];

    [TestCaseSource(nameof(Codecs))]
    [Hint("Over TCP one send can arrive as many reads: every decoder must gather frames across reads (see Hint 6.3).")]
    public async Task Frames_split_into_single_bytes_by_the_network_all_arrive(Codec codec)
    {
        var messages = codec.SmallMessages;
        var received = await FramedTcp.SendAsync(codec.Decoder(), Writes(codec, messages),
            faults => faults.ClientToServer.SplitIntoSingleBytes());
        received.Error.ShouldBeNull($"The server's read failed: {received.Error}");
        received.Frames.ShouldBeFrames(messages, $"{codec}: every byte arriving in its own read");
    }

    [TestCaseSource(nameof(Codecs))]
    [Hint("Over TCP several sends can arrive as one read (sticky packets): hand out every frame in a read (see Hint 6.3).")]
    public async Task Frames_merged_by_the_network_all_arrive(Codec codec)
    {
        var messages = codec.RandomMessages(TestSeed.RandomForCurrentTest(), 100, 40);
        var received = await FramedTcp.SendAsync(codec.Decoder(), Writes(codec, messages),
            faults => faults.ClientToServer.MergeRandomly(50, 2_000));
        received.Error.ShouldBeNull($"The server's read failed: {received.Error}");
        received.Frames.ShouldBeFrames(messages, $"{codec}: 100 frames merged into runs of 50 to 2,000 bytes");
    }

    [TestCaseSource(nameof(Codecs))]
    [Hint("Seeded random splits cut headers, payloads and delimiters anywhere: keep partial state across reads.")]
    public async Task Frames_split_at_random_by_the_network_all_arrive(Codec codec)
    {
        // Few bytes on purpose: every piece is a send of its own, paced by the proxy. Long random
        // streams are covered in memory by the decoder contract.
        var messages = codec.RandomMessages(TestSeed.RandomForCurrentTest(), 30, 30);
        var received = await FramedTcp.SendAsync(codec.Decoder(), Writes(codec, messages),
            faults => faults.ClientToServer.SplitRandomly(1, 9, gap: TimeSpan.Zero));
        received.Error.ShouldBeNull($"The server's read failed: {received.Error}");
        received.Frames.ShouldBeFrames(messages, $"{codec}: 30 frames cut into random 1..9-byte pieces");
    }

    [Test, Hint("The client half-closed in the middle of a frame: the server must report TruncatedFrameException, not stop quietly.")]
    public async Task Stream_that_ends_mid_frame_over_TCP_is_reported_by_the_server()
    {
        var frame = Codec.LengthPrefixed.Frame("hello, world"u8);
        var received = await FramedTcp.SendAsync(new LengthPrefixedDecoder(), [Codec.LengthPrefixed.Frame("first"u8), frame[..^5]],
            faults => faults.ClientToServer.SplitInto(3));
        received.Error.ShouldBeOfType<TruncatedFrameException>("The last frame lost its final 5 bytes before the end of stream.");
        received.Frames.ShouldBeFrames([[.. "first"u8]], "the one whole frame before the cut");
    }

    [Test, Hint("A hostile header over TCP ends the read with FrameTooLargeException, after the frames before it.")]
    public async Task Hostile_header_over_TCP_is_rejected_by_the_server()
    {
        var received = await FramedTcp.SendAsync(new LengthPrefixedDecoder(maxFrameSize: 1024),
            [Codec.LengthPrefixed.Frame("ok"u8), [0x7F, 0xFF, 0xFF, 0xFF], new byte[100]],
            faults => faults.ClientToServer.SplitInto(2));
        received.Error.ShouldBeOfType<FrameTooLargeException>();
        received.Frames.ShouldBeFrames([[.. "ok"u8]], "the good frame before the hostile header");
    }
}
