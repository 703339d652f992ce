namespace NetCourse.Lesson05.Tests.Support;

public static class FrameAssertions
{
    /// <summary>Compares frames one by one and names the first that differs, in hex.</summary>
    public static void ShouldBeFrames(this IReadOnlyList<byte[]> actual, IReadOnlyList<byte[]> expected, string how)
    {
        for (var i = 0; i < Math.Min(actual.Count, expected.Count); i++)
        {
            if (actual[i].AsSpan().SequenceEqual(expected[i])) continue;
            Assert.Fail($"{how}: frame #{i} should be {Hex(expected[i])} but was {Hex(actual[i])}.");
        }
        actual.Count.ShouldBe(expected.Count,
            $"{how}: expected {expected.Count} frames, got {actual.Count}.");
    }

    public static string Hex(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 0 ? "[] (empty)"
        : bytes.Length <= 24 ? $"[{Convert.ToHexString(bytes)}] ({bytes.Length} bytes)"
        : $"[{Convert.ToHexString(bytes[..24])}…] ({bytes.Length} bytes)";
}
