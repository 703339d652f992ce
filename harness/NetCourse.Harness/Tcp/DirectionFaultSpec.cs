namespace NetCourse.Harness.Tcp;

/// <summary>The faults of one direction of one connection, as the pumps read them. Built by
/// <see cref="TcpDirectionFaults"/>; a default spec is a transparent passthrough.</summary>
internal sealed record DirectionFaultSpec
{
    public static readonly TimeSpan DefaultSplitGap = TimeSpan.FromMilliseconds(1);
    public static readonly TimeSpan DefaultMergeFlush = TimeSpan.FromMilliseconds(50);

    public TimeSpan Delay { get; init; }
    public TimeSpan Jitter { get; init; }

    /// <summary>Piece sizes between min and max (0: no split); equal bounds cut fixed pieces.</summary>
    public int SplitMin { get; init; }
    public int SplitMax { get; init; }
    public TimeSpan SplitGap { get; init; } = DefaultSplitGap;

    /// <summary>Deliver this many source reads as one write (0: off).</summary>
    public int MergeWrites { get; init; }
    /// <summary>Deliver at seeded byte offsets this far apart (0: off).</summary>
    public int MergeMinBytes { get; init; }
    public int MergeMaxBytes { get; init; }
    public TimeSpan MergeFlushAfter { get; init; } = DefaultMergeFlush;

    public long BytesPerSecond { get; init; }
    public long? ResetAfterBytes { get; init; }
    public long? StopReadingAfterBytes { get; init; }
    public bool BlackHole { get; init; }

    public bool Splits => SplitMax > 0;
    public bool MergesWrites => MergeWrites > 0;
    public bool MergesBytes => MergeMaxBytes > 0;

    public bool IsPassthrough => this == Passthrough;
    public static readonly DirectionFaultSpec Passthrough = new();

    public override string ToString()
    {
        if (IsPassthrough) return "clean";
        var parts = new List<string>();
        if (BlackHole) parts.Add("black hole (reads, never delivers)");
        if (StopReadingAfterBytes is { } stop) parts.Add(stop == 0 ? "stop reading" : $"stop reading after {stop} bytes");
        if (MergesWrites) parts.Add($"merge every {MergeWrites} writes (flush after {Ms(MergeFlushAfter)} idle)");
        if (MergesBytes) parts.Add($"merge into {MergeMinBytes}..{MergeMaxBytes}-byte runs (flush after {Ms(MergeFlushAfter)} idle)");
        if (Splits) parts.Add(SplitMin == SplitMax ? $"split into {SplitMax}-byte pieces" : $"split into {SplitMin}..{SplitMax}-byte pieces");
        if (Delay > TimeSpan.Zero || Jitter > TimeSpan.Zero) parts.Add(Jitter > TimeSpan.Zero ? $"delay {Ms(Delay)} ± {Ms(Jitter)}" : $"delay {Ms(Delay)}");
        if (BytesPerSecond > 0) parts.Add(FormattableString.Invariant($"bandwidth {BytesPerSecond} B/s"));
        if (ResetAfterBytes is { } reset) parts.Add($"reset after {reset} bytes");
        return string.Join(", ", parts);
    }

    private static string Ms(TimeSpan t) => FormattableString.Invariant($"{t.TotalMilliseconds:0.###} ms");
}
