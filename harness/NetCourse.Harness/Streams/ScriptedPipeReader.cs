using System.Buffers;
using System.IO.Pipelines;

namespace NetCourse.Harness.Streams;

/// <summary>
/// A <see cref="PipeReader"/> over fixed bytes that reveals them in the pieces
/// <see cref="ReadSizes"/> allows, for parsers written the TcpEcho way (<c>TryParse</c> over a
/// <see cref="ReadOnlySequence{T}"/>). The read that reveals the last bytes also reports
/// <see cref="ReadResult.IsCompleted"/>: data arriving together with the end of the stream
/// (Go's <c>iotest.DataErrReader</c>), which a loop that checks completion before parsing gets wrong.
/// <code>var reader = new ScriptedPipeReader(bytes, ReadSizes.Cycle(3, 1));</code>
/// </summary>
public sealed class ScriptedPipeReader(ReadOnlyMemory<byte> data, ReadSizes sizes) : PipeReader
{
    private int _consumed, _revealed, _examined;
    private long _reads;
    private bool _cancelNext, _completed;

    /// <summary>All the data in a single read that also reports the end of the stream.</summary>
    public static ScriptedPipeReader DataWithEndOfStream(ReadOnlyMemory<byte> data) => new(data, ReadSizes.Unlimited);

    /// <summary>How many reads were answered.</summary>
    public long Reads => _reads;

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read());
    }

    public override bool TryRead(out ReadResult result)
    {
        result = Read();
        return true;
    }

    private ReadResult Read()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_cancelNext)
        {
            _cancelNext = false;
            return new ReadResult(Buffer(), isCanceled: true, isCompleted: false);
        }
        // A reader that examined everything it was shown is waiting for more: show the next piece.
        if (_examined >= _revealed && _revealed < data.Length)
        {
            var requested = data.Length - _revealed;
            _revealed += Math.Clamp(sizes.Limit(_reads, requested), 1, requested);
        }
        _reads++;
        return new ReadResult(Buffer(), isCanceled: false, isCompleted: _revealed == data.Length);
    }

    private ReadOnlySequence<byte> Buffer() => new(data[_consumed.._revealed]);

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _consumed += consumed.GetInteger() - Start();
        _examined = Math.Max(_examined, _consumed + examined.GetInteger() - consumed.GetInteger());
    }

    // Positions in a single-segment sequence over ReadOnlyMemory are offsets into its array or
    // memory; the start of the current buffer is the reference point.
    private int Start() => Buffer().Start.GetInteger();

    public override void CancelPendingRead() => _cancelNext = true;

    public override void Complete(Exception? exception = null) => _completed = true;
}
