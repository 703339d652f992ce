namespace NetCourse.Lesson10;

/// <summary>
/// Consistent hashing: every backend owns many points (virtual nodes) on a ring of 2^32 positions,
/// and a key goes to the owner of the first point at or after its own hash. Adding or removing a
/// backend moves only the keys between its points and their neighbours, about 1/N of them.
/// </summary>
public sealed class ConsistentHashBalancer : IBalancer
{
    public const int DefaultVirtualNodes = 160;

    public ConsistentHashBalancer(IEnumerable<Backend> backends, int virtualNodes = DefaultVirtualNodes) =>
        throw new NotImplementedException("Task 1: build the ring: virtualNodes points per backend, StableHash.Of(name + \"#\" + i), sorted.");

    public IReadOnlyList<Backend> Backends =>
        throw new NotImplementedException("Task 1: return the backends on the ring.");

    /// <summary>Puts <paramref name="backend"/> on the ring (its points are derived from its name).</summary>
    public void Add(Backend backend) =>
        throw new NotImplementedException("Task 1: rebuild the ring with the new backend's points added.");

    /// <summary>Takes the backend named <paramref name="name"/> off the ring; false if there was none.</summary>
    public bool Remove(string name) =>
        throw new NotImplementedException("Task 1: rebuild the ring without that backend's points.");

    public Backend? Pick(string key) =>
        throw new NotImplementedException("Task 1: binary-search the first point at or after StableHash.Of(key), wrapping around, and walk clockwise to a backend that is up.");
}
