namespace NetCourse.Lesson09.Tests.Support;

/// <summary>Where a test's cluster keeps its registry and store. Every cluster test runs on both:
/// one test body, two small fixtures (<c>InMemory…Tests</c>, <c>Redis…Tests</c>).</summary>
public enum BackendKind
{
    /// <summary>In this process, on the manual clock: TTLs pass when the test says so.</summary>
    InMemory,

    /// <summary>A private redis-server (or REDIS_URL's): TTLs pass on the server's real clock.</summary>
    Redis,
}
