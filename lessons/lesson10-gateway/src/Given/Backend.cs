namespace NetCourse.Lesson10;

/// <summary>
/// One server a route can send traffic to. Health checks (active and passive) flip
/// <see cref="IsUp"/>; every balancer skips a backend that is down.
/// </summary>
public sealed class Backend
{
    // Read by every request, written by the health monitor: volatile, so a flip is seen at once.
    private volatile bool _isUp = true;

    /// <param name="name">Unique within its route: what the logs, the ring and the tests call it.</param>
    /// <param name="address"><c>http://127.0.0.1:PORT/</c> for HTTP routes, <c>tcp://127.0.0.1:PORT</c> for TCP routes.</param>
    /// <param name="weight">For the weighted balancer: a backend of weight 5 gets five times the traffic of one of weight 1.</param>
    public Backend(string name, Uri address, int weight = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(weight, 0);
        Name = name;
        Address = address;
        Weight = weight;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Weight { get; }

    /// <summary>True until the health checks decide otherwise; a backend starts up.</summary>
    public bool IsUp
    {
        get => _isUp;
        set => _isUp = value;
    }

    public override string ToString() => $"{Name} ({Address}{(IsUp ? "" : ", down")})";
}
