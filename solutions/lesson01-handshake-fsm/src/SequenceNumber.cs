namespace NetCourse.Lesson01;

/// <summary>
/// Comparisons in sequence-number space. Sequence numbers are 32-bit and wrap around: after
/// 0xFFFFFFFF comes 0. So "a before b" cannot be <c>a &lt; b</c>; it means that b lies less than
/// half the space (2^31) ahead of a (RFC 9293, section 3.4: "all arithmetic dealing with
/// sequence numbers must be performed modulo 2**32").
/// </summary>
public static class SequenceNumber
{
    /// <summary>Whether <paramref name="a"/> comes strictly before <paramref name="b"/>.</summary>
    // b - a wraps to the distance from a forward to b; read as a signed number, it is positive
    // exactly when b is ahead of a by less than 2^31.
    public static bool IsBefore(uint a, uint b) => unchecked((int)(b - a)) > 0;

    /// <summary>Whether <paramref name="a"/> comes before <paramref name="b"/> or is equal to it.</summary>
    public static bool IsBeforeOrEqual(uint a, uint b) => a == b || IsBefore(a, b);
}
