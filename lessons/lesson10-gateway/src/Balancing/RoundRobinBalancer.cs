namespace NetCourse.Lesson10;

/// <summary>Each backend in turn, skipping the ones that are down.</summary>
public sealed class RoundRobinBalancer : IBalancer
{
    public RoundRobinBalancer(IEnumerable<Backend> backends) =>
        throw new NotImplementedException("Task 1: keep a copy of the backends and a counter that says whose turn it is.");

    public IReadOnlyList<Backend> Backends =>
        throw new NotImplementedException("Task 1: return the backends this balancer was given.");

    public Backend? Pick(string key) =>
        throw new NotImplementedException("Task 1: take the next turn atomically and walk on from it to the first backend that is up; null if none is.");
}
