using NetCourse.Harness.Faults;

namespace NetCourse.Harness.Tcp;

/// <summary>
/// The faults of one direction. Every method returns this builder, and
/// <see cref="ClientToServer"/> / <see cref="ServerToClient"/> switch direction, so a whole
/// configuration reads as one sentence.
/// <para>Bytes go through the faults in this order: merge (group the sender's writes), split (cut
/// into pieces), bandwidth, reset, and the delay holds each group from the moment it arrived.
/// Random sizes come from seeded streams, planned on byte offsets, so the same seed cuts the same
/// stream at the same places however the sender's writes happen to arrive.</para>
/// </summary>
public sealed class TcpDirectionFaults
{
    private readonly TcpFaults _owner;

    internal TcpDirectionFaults(TcpFaults owner, Direction direction)
    {
        _owner = owner;
        Direction = direction;
    }

    public Direction Direction { get; }

    internal DirectionFaultSpec Spec { get; private set; } = DirectionFaultSpec.Passthrough;

    /// <summary>Switches to the client→server direction of the same configuration.</summary>
    public TcpDirectionFaults ClientToServer => _owner.ClientToServer;

    /// <summary>Switches to the server→client direction of the same configuration.</summary>
    public TcpDirectionFaults ServerToClient => _owner.ServerToClient;

    /// <summary>Holds every write for <paramref name="delay"/>, give or take a seeded
    /// <paramref name="jitter"/>; order is kept, and throughput is not limited (it is latency).</summary>
    public TcpDirectionFaults Delay(TimeSpan delay, TimeSpan jitter = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, TimeSpan.Zero);
        return With(Spec with { Delay = delay, Jitter = jitter });
    }

    /// <summary>Delivers the bytes in pieces of at most <paramref name="bytes"/>, each its own send
    /// with no-delay and a <paramref name="gap"/> (1 ms by default) before the next, so the receiver
    /// really sees them as separate reads.</summary>
    public TcpDirectionFaults SplitInto(int bytes, TimeSpan? gap = null) => SplitRandomly(bytes, bytes, gap);

    /// <summary>One byte per read: the hardest case for a decoder.</summary>
    public TcpDirectionFaults SplitIntoSingleBytes(TimeSpan? gap = null) => SplitInto(1, gap);

    /// <summary>Delivers the bytes in pieces of seeded sizes between the bounds.</summary>
    public TcpDirectionFaults SplitRandomly(int minBytes, int maxBytes, TimeSpan? gap = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, minBytes);
        return With(Spec with { SplitMin = minBytes, SplitMax = maxBytes, SplitGap = gap ?? DirectionFaultSpec.DefaultSplitGap });
    }

    /// <summary>Sticky packets: delivers every <paramref name="writes"/> of the sender's writes
    /// as one send. Whatever waits longer than <paramref name="flushAfter"/> (50 ms by default)
    /// for company, or meets the end of the stream, goes out as it is, so a request/response
    /// exchange never deadlocks.</summary>
    public TcpDirectionFaults MergeEvery(int writes, TimeSpan? flushAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writes, 2);
        return With(Spec with { MergeWrites = writes, MergeMinBytes = 0, MergeMaxBytes = 0, MergeFlushAfter = flushAfter ?? DirectionFaultSpec.DefaultMergeFlush });
    }

    /// <summary>Sticky packets planned on byte offsets: holds bytes until the next seeded offset
    /// (between <paramref name="minBytes"/> and <paramref name="maxBytes"/> after the previous one),
    /// then delivers them as one send, whatever the sender's write boundaries were.</summary>
    public TcpDirectionFaults MergeRandomly(int minBytes, int maxBytes, TimeSpan? flushAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, minBytes);
        return With(Spec with { MergeWrites = 0, MergeMinBytes = minBytes, MergeMaxBytes = maxBytes, MergeFlushAfter = flushAfter ?? DirectionFaultSpec.DefaultMergeFlush });
    }

    /// <summary>Delivers at most <paramref name="bytesPerSecond"/> on average.</summary>
    public TcpDirectionFaults LimitBandwidth(long bytesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerSecond, 1);
        return With(Spec with { BytesPerSecond = bytesPerSecond });
    }

    /// <summary>Delivers exactly <paramref name="bytes"/> in this direction, then resets the
    /// connection (linger 0, both sides): the peers see a connection reset, not an end of stream.</summary>
    public TcpDirectionFaults ResetAfter(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return With(Spec with { ResetAfterBytes = bytes });
    }

    /// <summary>The proxy stops reading this direction's sender, so its writes eventually block
    /// once the socket buffers are full: a peer that stops reading.</summary>
    public TcpDirectionFaults StopReading() => StopReadingAfter(0);

    /// <summary>Like <see cref="StopReading"/>, after forwarding <paramref name="bytes"/>.</summary>
    public TcpDirectionFaults StopReadingAfter(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return With(Spec with { StopReadingAfterBytes = bytes });
    }

    /// <summary>Reads everything the sender sends (its writes succeed) and delivers nothing, not
    /// even the end of stream.</summary>
    public TcpDirectionFaults BlackHole() => With(Spec with { BlackHole = true });

    /// <summary>Gives connection <paramref name="index"/> its own faults (see <see cref="TcpFaults.OnConnection"/>).</summary>
    public TcpFaults OnConnection(int index, Action<TcpFaults> configure) => _owner.OnConnection(index, configure);

    private TcpDirectionFaults With(DirectionFaultSpec spec)
    {
        Spec = spec;
        return this;
    }
}
