namespace NetCourse.Harness.Faults;

/// <summary>
/// A stateless seeded coin: the decision for item <c>i</c> depends only on the seed and <c>i</c>,
/// never on how many other decisions were drawn before it. That keeps a datagram's fate fixed
/// even when timing changes which datagrams the proxy happens to see first.
/// </summary>
internal readonly struct SeededChance(int seed)
{
    /// <summary>A number in [0, 1) for item <paramref name="index"/>.</summary>
    public double For(long index)
    {
        // SplitMix64 finaliser: a good avalanche from (seed, index) to 64 random bits.
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    public bool Hits(long index, double probability) => probability > 0 && For(index) < probability;
}
