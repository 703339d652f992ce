using System.Buffers;
using System.IO.Pipelines;

namespace NetCourse.Lesson05;

/// <summary>
/// Length-prefixed frames straight out of a <see cref="PipeReader"/>'s buffer: the pipe keeps the
/// bytes of an unfinished frame, so there is no decoder state and no copy. Each frame is a slice
/// of the pipe's memory, valid until the reader advances.
/// </summary>
public static class FramePipeReader
{
    /// <summary>
    /// Takes the first whole frame out of <paramref name="buffer"/>: <paramref name="frame"/> is its
    /// payload, a slice of <paramref name="buffer"/> (no copy), and <paramref name="buffer"/> moves
    /// past it. False, with <paramref name="buffer"/> untouched, while the frame is incomplete.
    /// </summary>
    /// <exception cref="FrameTooLargeException">The header announces more than
    /// <paramref name="maxFrameSize"/> bytes: thrown as soon as the header is in, before any payload.</exception>
    public static bool TryReadLengthPrefixed(ref ReadOnlySequence<byte> buffer, int maxFrameSize, out ReadOnlySequence<byte> frame) =>
        throw new NotImplementedException("Task 7: read the 4-byte big-endian header (it may straddle segments), check it against maxFrameSize, and slice the payload out of buffer once it is all there.");

    /// <summary>
    /// Reads <paramref name="reader"/> until its writer completes and calls <paramref name="onFrame"/>
    /// for every length-prefixed frame, in order. The sequence is a slice of the pipe's buffer, valid
    /// only during the call (copy it to keep it). Frames before a framing error are delivered, then
    /// the error; a stream that ends inside a frame throws <see cref="TruncatedFrameException"/>.
    /// The reader is left to its owner: this neither completes it nor reads past an error.
    /// </summary>
    public static Task ReadLengthPrefixedFramesAsync(this PipeReader reader, Action<ReadOnlySequence<byte>> onFrame,
        int maxFrameSize = FrameLimits.DefaultMaxFrameSize, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 7: ReadAsync, hand out every frame TryReadLengthPrefixed finds, AdvanceTo(consumed, examined), until the writer completes (leftover bytes: TruncatedFrameException).");
}
