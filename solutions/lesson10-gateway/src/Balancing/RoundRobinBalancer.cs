namespace NetCourse.Lesson10;

/// <summary>Each backend in turn, skipping the ones that are down.</summary>
public sealed class RoundRobinBalancer : IBalancer
{
    private readonly Backend[] _backends;
    private uint _next;

    public RoundRobinBalancer(IEnumerable<Backend> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        _backends = [.. backends];
    }

    public IReadOnlyList<Backend> Backends => _backends;

    public Backend? Pick(string key)
    {
        if (_backends.Length == 0) return null;
        // One atomic step per request: concurrent requests each get their own turn, and the
        // unsigned counter wraps around instead of going negative.
        var start = Interlocked.Increment(ref _next) - 1;
        for (var i = 0u; i < _backends.Length; i++)
        {
            var backend = _backends[(start + i) % (uint)_backends.Length];
            if (backend.IsUp) return backend;
        }
        return null;
    }
}
