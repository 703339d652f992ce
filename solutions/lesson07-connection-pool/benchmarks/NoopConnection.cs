using NetCourse.Lesson07;

namespace NetCourse.Lesson07.Benchmarks;

/// <summary>A connection that costs nothing: the benchmarks measure the pool, not a socket.</summary>
public sealed class NoopConnection : IPoolableConnection
{
    public bool IsAlive => true;

    public void Dispose() { }
}

public sealed class NoopDialer : IConnectionDialer<NoopConnection>
{
    public ValueTask<NoopConnection> DialAsync(CancellationToken cancellationToken) => new(new NoopConnection());
}
