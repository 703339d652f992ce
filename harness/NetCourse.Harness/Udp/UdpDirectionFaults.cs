using NetCourse.Harness.Faults;

namespace NetCourse.Harness.Udp;

/// <summary>
/// The faults of one direction of a <see cref="UdpFaultProxy"/>. Each datagram's fate is decided
/// by its index in its client's session and direction (0 is the first), from the seed, so it
/// does not depend on timing. Methods chain; <see cref="ClientToServer"/> and
/// <see cref="ServerToClient"/> switch direction.
/// </summary>
public sealed class UdpDirectionFaults
{
    private readonly UdpFaults _owner;

    internal UdpDirectionFaults(UdpFaults owner, Direction direction)
    {
        _owner = owner;
        Direction = direction;
    }

    public Direction Direction { get; }

    internal UdpDirectionSpec Spec { get; private set; } = new();

    public UdpDirectionFaults ClientToServer => _owner.ClientToServer;
    public UdpDirectionFaults ServerToClient => _owner.ServerToClient;

    /// <summary>Loses each datagram with this probability.</summary>
    public UdpDirectionFaults Drop(double probability) => With(Spec with { DropProbability = Probability(probability) });

    /// <summary>Loses exactly these datagrams (0 is the first of each client's session):
    /// "the first request is lost" is <c>ClientToServer.DropDatagrams(0)</c>.</summary>
    public UdpDirectionFaults DropDatagrams(params int[] indices) => With(Spec with { DropIndices = new HashSet<int>(indices) });

    /// <summary>Delivers each datagram with this probability <paramref name="copies"/> extra times.</summary>
    public UdpDirectionFaults Duplicate(double probability, int copies = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);
        return With(Spec with { DuplicateProbability = Probability(probability), Copies = copies });
    }

    /// <summary>Holds each datagram with this probability until the next one has been delivered
    /// (or <paramref name="flushAfter"/>, 50 ms by default, has passed): the two swap places.</summary>
    public UdpDirectionFaults Reorder(double probability, TimeSpan? flushAfter = null) =>
        With(Spec with { ReorderProbability = Probability(probability), ReorderFlush = flushAfter ?? UdpDirectionSpec.DefaultReorderFlush });

    /// <summary>Delivers each datagram after <paramref name="delay"/>, give or take a seeded
    /// <paramref name="jitter"/>; a jitter larger than the gap between datagrams reorders them.</summary>
    public UdpDirectionFaults Delay(TimeSpan delay, TimeSpan jitter = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, TimeSpan.Zero);
        return With(Spec with { Delay = delay, Jitter = jitter });
    }

    private static double Probability(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        return p;
    }

    private UdpDirectionFaults With(UdpDirectionSpec spec)
    {
        Spec = spec;
        return this;
    }
}

internal sealed record UdpDirectionSpec
{
    public static readonly TimeSpan DefaultReorderFlush = TimeSpan.FromMilliseconds(50);

    public double DropProbability { get; init; }
    public IReadOnlySet<int> DropIndices { get; init; } = new HashSet<int>();
    public double DuplicateProbability { get; init; }
    public int Copies { get; init; } = 1;
    public double ReorderProbability { get; init; }
    public TimeSpan ReorderFlush { get; init; } = DefaultReorderFlush;
    public TimeSpan Delay { get; init; }
    public TimeSpan Jitter { get; init; }

    public override string ToString()
    {
        var parts = new List<string>();
        if (DropIndices.Count > 0) parts.Add($"drop datagrams #{string.Join(", #", DropIndices.Order())}");
        if (DropProbability > 0) parts.Add($"drop {Percent(DropProbability)}");
        if (DuplicateProbability > 0) parts.Add($"duplicate {Percent(DuplicateProbability)} (×{Copies + 1})");
        if (ReorderProbability > 0) parts.Add($"reorder {Percent(ReorderProbability)}");
        if (Delay > TimeSpan.Zero || Jitter > TimeSpan.Zero) parts.Add(FormattableString.Invariant($"delay {Delay.TotalMilliseconds:0.###} ms ± {Jitter.TotalMilliseconds:0.###} ms"));
        return parts.Count == 0 ? "clean" : string.Join(", ", parts);
    }

    private static string Percent(double p) => FormattableString.Invariant($"{p * 100:0.##}%");
}
