namespace NetCourse.Lesson10;

/// <summary>
/// nginx's smooth weighted round robin: in proportion to the weights, and spread out — with weights
/// 5, 1, 1 the order is a a b a c a a, not a a a a a b c.
/// </summary>
public sealed class SmoothWeightedBalancer : IBalancer
{
    public SmoothWeightedBalancer(IEnumerable<Backend> backends) =>
        throw new NotImplementedException("Task 1: keep the backends and a running score (current weight) for each, all starting at 0.");

    public IReadOnlyList<Backend> Backends =>
        throw new NotImplementedException("Task 1: return the backends this balancer was given.");

    public Backend? Pick(string key) =>
        throw new NotImplementedException("Task 1: add each up backend's weight to its score, pick the highest score, and take the total of the weights off the winner.");
}
