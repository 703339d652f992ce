namespace NetCourse.Lesson10;

/// <summary>
/// Consistent hashing: every backend owns many points (virtual nodes) on a ring of 2^32 positions,
/// and a key goes to the owner of the first point at or after its own hash. Adding or removing a
/// backend moves only the keys between its points and their neighbours, about 1/N of them.
/// </summary>
public sealed class ConsistentHashBalancer : IBalancer
{
    public const int DefaultVirtualNodes = 160;

    private readonly int _virtualNodes;
    private readonly Lock _gate = new();
    // Replaced whole on every change, never edited: a Pick reads one consistent ring without a lock.
    private volatile Ring _ring;

    public ConsistentHashBalancer(IEnumerable<Backend> backends, int virtualNodes = DefaultVirtualNodes)
    {
        ArgumentNullException.ThrowIfNull(backends);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualNodes, 1);
        _virtualNodes = virtualNodes;
        _ring = Build([.. backends]);
    }

    public IReadOnlyList<Backend> Backends => _ring.Backends;

    /// <summary>Puts <paramref name="backend"/> on the ring (its points are derived from its name).</summary>
    public void Add(Backend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        lock (_gate)
        {
            if (_ring.Backends.Any(b => b.Name == backend.Name)) throw new ArgumentException($"A backend named '{backend.Name}' is already on the ring.", nameof(backend));
            _ring = Build([.. _ring.Backends, backend]);
        }
    }

    /// <summary>Takes the backend named <paramref name="name"/> off the ring; false if there was none.</summary>
    public bool Remove(string name)
    {
        lock (_gate)
        {
            var kept = _ring.Backends.Where(b => b.Name != name).ToArray();
            if (kept.Length == _ring.Backends.Length) return false;
            _ring = Build(kept);
            return true;
        }
    }

    public Backend? Pick(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var ring = _ring;
        if (ring.Points.Length == 0) return null;
        var index = Array.BinarySearch(ring.Points, StableHash.Of(key));
        if (index < 0) index = ~index;   // the first point after the hash
        // Clockwise from there to the first backend that is up: a down backend's keys go to its
        // neighbours on the ring, and every other key stays where it was.
        for (var step = 0; step < ring.Points.Length; step++)
        {
            var owner = ring.Owners[(index + step) % ring.Points.Length];
            if (owner.IsUp) return owner;
        }
        return null;
    }

    private Ring Build(Backend[] backends)
    {
        var points = new List<(uint Point, Backend Owner)>(backends.Length * _virtualNodes);
        foreach (var backend in backends)
            for (var v = 0; v < _virtualNodes; v++)
                points.Add((StableHash.Of($"{backend.Name}#{v}"), backend));
        // Ties (two points with the same hash) are broken by name, so the ring does not depend on
        // the order the backends were given in.
        points.Sort((x, y) => x.Point != y.Point ? x.Point.CompareTo(y.Point) : string.CompareOrdinal(x.Owner.Name, y.Owner.Name));
        return new Ring(backends, [.. points.Select(p => p.Point)], [.. points.Select(p => p.Owner)]);
    }

    private sealed record Ring(Backend[] Backends, uint[] Points, Backend[] Owners);
}
