using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace NetCourse.Lesson05;

/// <summary>
/// Length-prefixed frames straight out of a <see cref="PipeReader"/>'s buffer: the pipe keeps the
/// bytes of an unfinished frame for us, so there is no decoder state and no copy. Each frame is a
/// slice of the pipe's memory, valid until the reader advances.
/// </summary>
public static class FramePipeReader
{
    private const int HeaderSize = LengthPrefixedEncoder.HeaderSize;

    /// <summary>
    /// Takes the first whole frame out of <paramref name="buffer"/>: <paramref name="frame"/> is its
    /// payload, a slice of <paramref name="buffer"/> (no copy), and <paramref name="buffer"/> moves
    /// past it. False, with <paramref name="buffer"/> untouched, while the frame is incomplete.
    /// </summary>
    /// <exception cref="FrameTooLargeException">The header announces more than
    /// <paramref name="maxFrameSize"/> bytes: thrown as soon as the header is in, before any payload.</exception>
    public static bool TryReadLengthPrefixed(ref ReadOnlySequence<byte> buffer, int maxFrameSize, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < HeaderSize) return false;

        // The header may straddle two segments: read it through a copy of four bytes, never more.
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length > (uint)maxFrameSize) throw new FrameTooLargeException(length, maxFrameSize);

        if (buffer.Length - HeaderSize < length) return false;
        frame = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(frame.End);
        return true;
    }

    /// <summary>
    /// Reads <paramref name="reader"/> until its writer completes and calls <paramref name="onFrame"/>
    /// for every length-prefixed frame, in order. The sequence is a slice of the pipe's buffer, valid
    /// only during the call (copy it to keep it). Frames before a framing error are delivered, then
    /// the error; a stream that ends inside a frame throws <see cref="TruncatedFrameException"/>.
    /// The reader is left to its owner: this neither completes it nor reads past an error.
    /// </summary>
    public static async Task ReadLengthPrefixedFramesAsync(this PipeReader reader, Action<ReadOnlySequence<byte>> onFrame,
        int maxFrameSize = FrameLimits.DefaultMaxFrameSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onFrame);
        ArgumentOutOfRangeException.ThrowIfNegative(maxFrameSize);

        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                while (TryReadLengthPrefixed(ref buffer, maxFrameSize, out var frame)) onFrame(frame);

                if (result.IsCompleted)
                {
                    // End of stream: a frame still in progress is an error, never a silent drop.
                    if (!buffer.IsEmpty) throw new TruncatedFrameException(buffer.Length);
                    return;
                }
                if (result.IsCanceled) throw new OperationCanceledException("The pipe's pending read was cancelled.");
            }
            finally
            {
                // Consumed: the frames taken. Examined: everything, so the next read waits for
                // new bytes instead of handing back the same unfinished frame.
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }
}
