using NetCourse.Harness.Faults;

namespace NetCourse.Harness.Tcp;

/// <summary>
/// What a <see cref="TcpFaultProxy"/> does to the connections through it, configured fluently:
/// <code>
/// faults => faults.ClientToServer.SplitIntoSingleBytes().MergeEvery(3)
///                 .ServerToClient.Delay(TimeSpan.FromMilliseconds(5))
/// faults => faults.OnConnection(0, first => first.ClientToServer.ResetAfter(10))
/// </code>
/// Faults apply to every connection unless <see cref="OnConnection"/> gives one connection its own.
/// </summary>
public sealed class TcpFaults
{
    private readonly Dictionary<int, TcpFaults> _perConnection = [];
    private readonly TcpFaults? _root;

    public TcpFaults() : this(root: null) { }

    private TcpFaults(TcpFaults? root)
    {
        _root = root;
        ClientToServer = new TcpDirectionFaults(this, Direction.ClientToServer);
        ServerToClient = new TcpDirectionFaults(this, Direction.ServerToClient);
    }

    /// <summary>Faults on the bytes the client sends.</summary>
    public TcpDirectionFaults ClientToServer { get; }

    /// <summary>Faults on the bytes the server sends.</summary>
    public TcpDirectionFaults ServerToClient { get; }

    /// <summary>The seed the proxy's random choices derive from; by default the running test's
    /// seed (<see cref="Seeds.TestSeed.ForCurrentTest"/>), so a failure prints a rerun command.</summary>
    public int? Seed { get; private set; }

    internal bool IsBlackHole { get; private set; }

    /// <summary>Uses a fixed seed instead of the test's.</summary>
    public TcpFaults WithSeed(int seed)
    {
        (_root ?? this).Seed = seed;
        return this;
    }

    /// <summary>Applies the same faults to both directions.</summary>
    public TcpFaults BothDirections(Action<TcpDirectionFaults> configure)
    {
        configure(ClientToServer);
        configure(ServerToClient);
        return this;
    }

    /// <summary>Accepts connections but never connects to the server: nothing is delivered either
    /// way, nothing is closed, the client's writes succeed (until buffers fill). A connect timeout
    /// or a read timeout is the only way out.</summary>
    public TcpFaults BlackHole()
    {
        IsBlackHole = true;
        return this;
    }

    /// <summary>Gives connection <paramref name="index"/> (0 is the first accepted) its own faults,
    /// instead of the ones set for every connection: "the first connection resets after 10 bytes,
    /// later ones are clean" is <c>faults.OnConnection(0, c => c.ClientToServer.ResetAfter(10))</c>.</summary>
    public TcpFaults OnConnection(int index, Action<TcpFaults> configure)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (_root is not null) throw new InvalidOperationException("OnConnection cannot be nested.");
        var faults = new TcpFaults(this);
        configure(faults);
        _perConnection[index] = faults;
        return this;
    }

    internal TcpFaults ForConnection(int index) => _perConnection.GetValueOrDefault(index, this);

    internal DirectionFaultSpec SpecFor(Direction direction) =>
        direction == Direction.ClientToServer ? ClientToServer.Spec : ServerToClient.Spec;

    /// <summary>One line per rule, for the proxy's event log.</summary>
    public override string ToString()
    {
        var lines = new List<string> { Describe("every connection") };
        lines.AddRange(_perConnection.OrderBy(p => p.Key).Select(p => p.Value.Describe($"connection #{p.Key}")));
        return string.Join("\n", lines);
    }

    private string Describe(string scope) => IsBlackHole
        ? $"{scope}: black hole (accepted, never connected to the server)"
        : $"{scope}: client→server {ClientToServer.Spec}; server→client {ServerToClient.Spec}";
}
