using System.Text;

namespace NetCourse.Lesson02.Tests.Support;

public static class Payloads
{
    /// <summary><paramref name="length"/> seeded random bytes.</summary>
    public static byte[] Random(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A readable label followed by seeded random bytes: unique per label, easy to tell apart in a failure.</summary>
    public static byte[] Labelled(Random random, string label, int extra = 16) =>
        [.. Encoding.UTF8.GetBytes(label + ":"), .. Random(random, extra)];

    public static string Describe(byte[] payload) =>
        payload.Length <= 24 ? Convert.ToHexString(payload) : $"{payload.Length} bytes starting {Convert.ToHexString(payload, 0, 12)}";
}
