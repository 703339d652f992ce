namespace NetCourse.Harness.Streams;

/// <summary>
/// How many bytes each read may return, given how many the caller asked for. The patterns of Go's
/// <c>testing/iotest</c>: one byte at a time, half of what was asked, or a fixed cycle of sizes.
/// </summary>
public abstract class ReadSizes
{
    /// <summary>Every read returns one byte (Go's <c>OneByteReader</c>).</summary>
    public static ReadSizes OneByte { get; } = new Repeating([1]);

    /// <summary>Every read returns half of what was asked, rounded up (Go's <c>HalfReader</c>).</summary>
    public static ReadSizes Half { get; } = new Halves();

    /// <summary>Reads return these sizes in turn, then start again: <c>ReadSizes.Cycle(3, 1, 7)</c>.</summary>
    public static ReadSizes Cycle(params int[] sizes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sizes.Length);
        foreach (var size in sizes) ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new Repeating([.. sizes]);
    }

    /// <summary>Every read returns all it can (no limit).</summary>
    public static ReadSizes Unlimited { get; } = new Repeating([int.MaxValue]);

    /// <summary>The most the read number <paramref name="readIndex"/> (0-based) may return when the
    /// caller asked for <paramref name="requested"/> bytes; at least 1.</summary>
    public abstract int Limit(long readIndex, int requested);

    private sealed class Repeating(int[] sizes) : ReadSizes
    {
        public override int Limit(long readIndex, int requested) => Math.Min(requested, sizes[readIndex % sizes.Length]);
        public override string ToString() => sizes.Length == 1 && sizes[0] == 1 ? "one byte per read" : $"reads of {string.Join(", ", sizes)} bytes";
    }

    private sealed class Halves : ReadSizes
    {
        public override int Limit(long readIndex, int requested) => Math.Max(1, (requested + 1) / 2);
        public override string ToString() => "half of each request";
    }
}
