using System.Text;

namespace NetCourse.Harness.Seeds;

/// <summary>
/// One master seed per run (from <c>NETCOURSE_SEED</c> when set, otherwise drawn once), and a
/// seed per test derived from it and the test's full name, so a test's random choices do not
/// depend on which tests ran before it. A failing test that used its seed reports the master seed
/// and the command that reruns it.
/// </summary>
public static class TestSeed
{
    /// <summary>
    /// The variable the grader sets. The harness references no grading project, so the name is
    /// spelled here as well as in the protocol (<c>NetCourse.Grading.Protocol.HostEnvironment.Seed</c>);
    /// the test host's tests prove the two agree.
    /// </summary>
    public const string EnvironmentVariable = "NETCOURSE_SEED";

    private static readonly Lazy<long> _master = new(() =>
        long.TryParse(Environment.GetEnvironmentVariable(EnvironmentVariable), out var seed)
            ? seed
            : Random.Shared.NextInt64(1, 1_000_000_000));

    private static readonly HashSet<string> _usedBy = [];

    /// <summary>The master seed of this run.</summary>
    public static long Master => _master.Value;

    /// <summary>The seed of the running test; the test is recorded as one whose failure must show it.</summary>
    public static int ForCurrentTest()
    {
        var test = TestContext.CurrentContext.Test.FullName;
        lock (_usedBy) _usedBy.Add(test);
        return Derive(Master, test);
    }

    /// <summary>A random generator for the running test, seeded by <see cref="ForCurrentTest"/>.</summary>
    public static Random RandomForCurrentTest() => new(ForCurrentTest());

    /// <summary>A seed for a named sub-stream (a connection, a direction, a fault): adding one
    /// sub-stream never shifts the numbers another one draws.</summary>
    public static int Derive(long parent, string purpose)
    {
        // FNV-1a: stable across processes and .NET versions, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes($"{parent}/{purpose}"))
            hash = unchecked((hash ^ b) * 1099511628211UL);
        return unchecked((int)(hash ^ (hash >> 32)));
    }

    internal static bool WasUsedBy(string testFullName)
    {
        lock (_usedBy) return _usedBy.Contains(testFullName);
    }
}
