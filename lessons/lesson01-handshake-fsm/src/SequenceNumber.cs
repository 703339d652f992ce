namespace NetCourse.Lesson01;

/// <summary>
/// Comparisons in sequence-number space. Sequence numbers are 32-bit and wrap around: after
/// 0xFFFFFFFF comes 0 (RFC 9293, section 3.4).
/// </summary>
public static class SequenceNumber
{
    /// <summary>Whether <paramref name="a"/> comes strictly before <paramref name="b"/>.</summary>
    public static bool IsBefore(uint a, uint b) =>
        throw new NotImplementedException("Task 1: return whether a comes before b modulo 2^32 (0xFFFFFFFF comes before 0).");

    /// <summary>Whether <paramref name="a"/> comes before <paramref name="b"/> or is equal to it.</summary>
    public static bool IsBeforeOrEqual(uint a, uint b) =>
        throw new NotImplementedException("Task 1: return whether a comes before b or equals it, modulo 2^32.");
}
