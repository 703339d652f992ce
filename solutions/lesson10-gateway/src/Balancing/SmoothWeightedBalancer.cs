namespace NetCourse.Lesson10;

/// <summary>
/// nginx's smooth weighted round robin: in proportion to the weights, and spread out — with weights
/// 5, 1, 1 the order is a a b a c a a, not a a a a a b c.
/// </summary>
public sealed class SmoothWeightedBalancer : IBalancer
{
    private readonly Backend[] _backends;
    // Each backend's running score: it grows by the backend's weight every pick, and the winner
    // pays the total back. Over a cycle of sum(weights) picks every score returns to zero.
    private readonly int[] _current;
    private readonly Lock _gate = new();

    public SmoothWeightedBalancer(IEnumerable<Backend> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        _backends = [.. backends];
        _current = new int[_backends.Length];
    }

    public IReadOnlyList<Backend> Backends => _backends;

    public Backend? Pick(string key)
    {
        lock (_gate)
        {
            var best = -1;
            var total = 0;
            for (var i = 0; i < _backends.Length; i++)
            {
                if (!_backends[i].IsUp) continue;
                _current[i] += _backends[i].Weight;
                total += _backends[i].Weight;
                if (best < 0 || _current[i] > _current[best]) best = i;
            }
            if (best < 0) return null;
            _current[best] -= total;
            return _backends[best];
        }
    }
}
