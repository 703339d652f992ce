namespace NetCourse.Lesson06;

/// <summary>The Go material's service: every line a client sends gets a random number back.</summary>
public static class RandomNumbers
{
    /// <summary>A handler that answers any line with a random non-negative integer.</summary>
    public static LineHandler Handler(Random? random = null) =>
        throw new NotImplementedException("Task 2: return a handler that answers any line with random.Next() in decimal (Random.Shared when null; lock any other instance: connections run in parallel).");
}
