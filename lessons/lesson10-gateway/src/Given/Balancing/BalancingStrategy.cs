namespace NetCourse.Lesson10;

/// <summary>How a route spreads its requests over its backends (<c>"strategy"</c> in the configuration).</summary>
public enum BalancingStrategy
{
    /// <summary><c>"roundRobin"</c>: each backend in turn.</summary>
    RoundRobin,

    /// <summary><c>"weightedRoundRobin"</c>: in proportion to the weights, spread out (nginx's smooth algorithm).</summary>
    WeightedRoundRobin,

    /// <summary><c>"consistentHash"</c>: the same client key to the same backend, on a ring with virtual nodes.</summary>
    ConsistentHash,
}
