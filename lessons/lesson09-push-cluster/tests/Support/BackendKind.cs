namespace NetCourse.Lesson09.Tests.Support;

/// <summary>Where a test's cluster keeps its registry and store. Every cluster test runs on both:
/// one test body, two small fixtures (<c>InMemory…Tests</c>, <c>Redis…Tests</c>).</summary>
public enum BackendKind
{
    /// <summary>In this process: TTLs pass on the manual clock, when the test says so.</summary>
    InMemory,

    /// <summary>The test run's redis-server (or REDIS_URL's): the test moves the TTLs of its keys with the manual clock.</summary>
    Redis,
}
