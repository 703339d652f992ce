using System.Buffers;
using System.IO.Pipelines;
using NetCourse.Harness.Waiting;

namespace NetCourse.Lesson05.Tests;

[Task(7)]
public class FramePipeReaderTests
{
    private static readonly byte[] HostileHeader = [0xFF, 0xFF, 0xFF, 0xFF];

    /// <summary>A sequence of one segment per piece, as a pipe that received several reads holds.</summary>
    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int pieceSize)
    {
        Segment? first = null, last = null;
        for (var start = 0; start < bytes.Length; start += pieceSize)
        {
            var piece = bytes.AsMemory(start, Math.Min(pieceSize, bytes.Length - start));
            last = last is null ? first = new Segment(piece, 0) : last.Append(piece);
        }
        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    /// <summary>A reader that remembers the memory of the last buffer it handed out.</summary>
    private sealed class RecordingReader(PipeReader inner) : PipeReader
    {
        public List<ReadOnlyMemory<byte>> LastBuffer { get; } = [];

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var result = await inner.ReadAsync(cancellationToken);
            LastBuffer.Clear();
            foreach (var memory in result.Buffer) LastBuffer.Add(memory);
            return result;
        }

        public override bool TryRead(out ReadResult result) => inner.TryRead(out result);
        public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);
        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);
        public override void CancelPendingRead() => inner.CancelPendingRead();
        public override void Complete(Exception? exception = null) => inner.Complete(exception);
    }

    private sealed record Received(List<byte[]> Frames, Exception? Error);

    /// <summary>Writes <paramref name="bytes"/> into a pipe in pieces (flushing each), completing it
    /// when <paramref name="complete"/>, while the reader under test reads the other end.</summary>
    private static async Task<Received> ReadThroughPipeAsync(byte[] bytes, int pieceSize, bool complete = true,
        int maxFrameSize = FrameLimits.DefaultMaxFrameSize, Func<PipeReader, PipeReader>? wrap = null,
        Action<ReadOnlySequence<byte>, PipeReader>? check = null)
    {
        var pipe = new Pipe();
        var reader = wrap?.Invoke(pipe.Reader) ?? pipe.Reader;
        using var deadline = Deadline.Start();
        var frames = new List<byte[]>();

        async Task WriteAsync()
        {
            for (var start = 0; start < bytes.Length; start += pieceSize)
                await pipe.Writer.WriteAsync(bytes.AsMemory(start, Math.Min(pieceSize, bytes.Length - start)), deadline.Token);
            if (complete) await pipe.Writer.CompleteAsync();
        }

        var writing = WriteAsync();
        Exception? error = null;
        try
        {
            await reader.ReadLengthPrefixedFramesAsync(frame =>
            {
                check?.Invoke(frame, reader);
                frames.Add(frame.ToArray());
            }, maxFrameSize, deadline.Token);
        }
        catch (FramingException e)
        {
            error = e;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new DeadlineExceededException("ReadLengthPrefixedFramesAsync did not return within the deadline.");
        }
        await pipe.Reader.CompleteAsync();
        await writing.WithDeadline(what: "the test's writer finishing");
        return new(frames, error);
    }

    [Test, Hint("See Hint 7.1: read the header from the sequence (it may straddle segments), then slice the payload after it.")]
    public void TryReadLengthPrefixed_takes_frames_whose_header_and_payload_straddle_one_byte_segments()
    {
        var messages = Codec.LengthPrefixed.SmallMessages;
        var buffer = Segmented(Codec.LengthPrefixed.Stream(messages), pieceSize: 1);
        var frames = new List<byte[]>();

        while (FramePipeReader.TryReadLengthPrefixed(ref buffer, FrameLimits.DefaultMaxFrameSize, out var frame))
            frames.Add(frame.ToArray());

        frames.ShouldBeFrames(messages, "a sequence of one-byte segments");
        buffer.Length.ShouldBe(0, "After the last whole frame, nothing is left in the buffer.");
    }

    [Test, Hint("See Hint 7.1: while the header or the payload is incomplete, return false and leave the buffer as it was.")]
    public void TryReadLengthPrefixed_on_every_cut_of_a_frame_returns_false_and_leaves_the_buffer()
    {
        var stream = Codec.LengthPrefixed.Stream([[.. "hello, pipe"u8]]);
        for (var cut = 0; cut < stream.Length; cut++)
        {
            var buffer = Segmented(stream[..cut], pieceSize: 3);
            var before = buffer;

            FramePipeReader.TryReadLengthPrefixed(ref buffer, FrameLimits.DefaultMaxFrameSize, out _)
                .ShouldBeFalse($"Only {cut} of the frame's {stream.Length} bytes are there: it is not whole yet.");
            buffer.Start.Equals(before.Start).ShouldBeTrue($"An incomplete frame ({cut} bytes) must leave the buffer where it was.");
            buffer.Length.ShouldBe(before.Length, $"An incomplete frame ({cut} bytes) must leave the buffer as it was.");
        }
    }

    [Test, Hint("See Hint 7.2: the frame is buffer.Slice(...): a view of the same memory, not a copy.")]
    public void TryReadLengthPrefixed_returns_a_slice_of_the_buffer_not_a_copy()
    {
        var stream = Codec.LengthPrefixed.Stream([[.. "no copy, please"u8]]);
        var buffer = new ReadOnlySequence<byte>(stream);

        FramePipeReader.TryReadLengthPrefixed(ref buffer, FrameLimits.DefaultMaxFrameSize, out var frame).ShouldBeTrue();

        frame.ToArray().ShouldBe("no copy, please"u8.ToArray());
        frame.First.Span.Overlaps(stream).ShouldBeTrue("The frame must be a slice of the buffer's own memory, not a copy of it.");
    }

    [Test, Hint("See Hint 7.1: check the length as soon as the four header bytes are there, before waiting for any payload.")]
    public void TryReadLengthPrefixed_rejects_a_header_over_the_maximum_before_its_payload()
    {
        var buffer = new ReadOnlySequence<byte>(HostileHeader);
        ReadOnlySequence<byte> frame;

        var error = Should.Throw<FrameTooLargeException>(() => FramePipeReader.TryReadLengthPrefixed(ref buffer, 1000, out frame));
        error.Length.ShouldBe(uint.MaxValue);
        error.MaxFrameSize.ShouldBe(1000);
    }

    [Test, Hint("See Task 7: only a header announcing *more* than maxFrameSize is refused; a frame of exactly maxFrameSize is taken.")]
    public void TryReadLengthPrefixed_takes_a_frame_of_exactly_the_maximum()
    {
        var payload = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var buffer = new ReadOnlySequence<byte>([0, 0, 0x03, 0xE8, .. payload]);

        FramePipeReader.TryReadLengthPrefixed(ref buffer, 1000, out var frame)
            .ShouldBeTrue("A frame of exactly maxFrameSize (1000) bytes is within the limit.");
        frame.ToArray().ShouldBe(payload);
        buffer.IsEmpty.ShouldBeTrue("The whole frame was taken.");
    }

    [Test, Hint("See Hint 7.3: ReadAsync, take every whole frame, AdvanceTo(buffer.Start, buffer.End), and read again until IsCompleted.")]
    public async Task ReadLengthPrefixedFramesAsync_delivers_every_frame_of_a_pipe_written_in_small_pieces()
    {
        var messages = Codec.LengthPrefixed.RandomMessages(TestSeed.RandomForCurrentTest(), 300, 9_000);
        var received = await ReadThroughPipeAsync(Codec.LengthPrefixed.Stream(messages), pieceSize: 7);
        received.Error.ShouldBeNull();
        received.Frames.ShouldBeFrames(messages, "300 frames (up to 9,000 bytes) written into a pipe in pieces of 7 bytes");
    }

    [Test, Hint("See Hint 7.2: hand onFrame the slice of the pipe's buffer itself; copying it (ToArray, a new array) is the cost this reader avoids.")]
    public async Task ReadLengthPrefixedFramesAsync_hands_out_frames_that_are_slices_of_the_pipe_buffer()
    {
        var messages = Codec.LengthPrefixed.RandomMessages(TestSeed.RandomForCurrentTest(), 100, 6_000).Where(m => m.Length > 0).ToArray();
        var notSlices = 0;
        var received = await ReadThroughPipeAsync(Codec.LengthPrefixed.Stream(messages), pieceSize: 1_000,
            wrap: reader => new RecordingReader(reader),
            check: (frame, reader) =>
            {
                var first = frame.First;
                if (!((RecordingReader)reader).LastBuffer.Any(memory => memory.Span.Overlaps(first.Span))) notSlices++;
            });
        received.Frames.ShouldBeFrames(messages, "100 frames read through a pipe");
        notSlices.ShouldBe(0, "Every frame must be a slice of the buffer the pipe's last ReadAsync returned, not a copy.");
    }

    [Test, Hint("See Hint 7.3: when the result IsCompleted and bytes are left, throw TruncatedFrameException: a cut-off frame is an error.")]
    public async Task ReadLengthPrefixedFramesAsync_over_a_pipe_that_ends_inside_a_frame_throws_after_the_whole_frames()
    {
        var messages = Codec.LengthPrefixed.SmallMessages;
        var stream = Codec.LengthPrefixed.Stream([.. messages, [.. "never finished"u8]]);
        var received = await ReadThroughPipeAsync(stream[..^3], pieceSize: 5);
        received.Error.ShouldBeOfType<TruncatedFrameException>("The last frame lost its final 3 bytes: the reader must say so.");
        received.Frames.ShouldBeFrames(messages, "the whole frames before the cut");
    }

    [Test, Hint("See Hint 7.1: a header over maxFrameSize throws at once, after the frames before it: it never waits for the payload.")]
    public async Task ReadLengthPrefixedFramesAsync_over_a_hostile_header_delivers_the_good_frames_then_throws_without_waiting()
    {
        byte[] stream = [.. Codec.LengthPrefixed.Stream([[.. "fine"u8]]), .. HostileHeader];
        // The writer stays open: only checking the header before the payload can end the read.
        var received = await ReadThroughPipeAsync(stream, pieceSize: stream.Length, complete: false, maxFrameSize: 1000);
        received.Error.ShouldBeOfType<FrameTooLargeException>();
        received.Frames.ShouldBeFrames([[.. "fine"u8]], "the good frame before the hostile header");
    }

    [Test, Hint("See Task 7: a CancelPendingRead on the reader ends ReadLengthPrefixedFramesAsync like a cancelled token, with OperationCanceledException, after the whole frames.")]
    public async Task ReadLengthPrefixedFramesAsync_ends_with_OperationCanceledException_on_a_cancelled_pending_read()
    {
        var pipe = new Pipe();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await pipe.Writer.WriteAsync(Codec.LengthPrefixed.Stream([[.. "fine"u8]]));
        // The writer stays open: only the cancelled read can end the loop.
        var reading = pipe.Reader.ReadLengthPrefixedFramesAsync(_ => delivered.TrySetResult(), FrameLimits.DefaultMaxFrameSize, CancellationToken.None);
        await delivered.Task.WithDeadline(what: "the first frame reaching onFrame");

        pipe.Reader.CancelPendingRead();

        var error = await Should.ThrowAsync<Exception>(() => reading.WithDeadline(what: "ReadLengthPrefixedFramesAsync after CancelPendingRead"));
        error.ShouldBeAssignableTo<OperationCanceledException>("A cancelled pending read ends the reader with OperationCanceledException (or a subclass).");
        await pipe.Writer.CompleteAsync();
    }
}
