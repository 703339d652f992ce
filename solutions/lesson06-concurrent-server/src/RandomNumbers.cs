using System.Globalization;

namespace NetCourse.Lesson06;

/// <summary>The Go material's service: every line a client sends gets a random number back.</summary>
public static class RandomNumbers
{
    /// <summary>A handler that answers any line with a random non-negative integer.</summary>
    public static LineHandler Handler(Random? random = null)
    {
        random ??= Random.Shared;
        // Random.Shared is thread-safe; any other instance is not, and connections run in parallel.
        var gate = new Lock();
        return (_, _) =>
        {
            int next;
            if (ReferenceEquals(random, Random.Shared)) next = random.Next();
            else lock (gate) next = random.Next();
            return ValueTask.FromResult(next.ToString(CultureInfo.InvariantCulture));
        };
    }
}
