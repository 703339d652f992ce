using NetCourse.Harness.Faults;

namespace NetCourse.Harness.Udp;

/// <summary>
/// What a <see cref="UdpFaultProxy"/> does to datagrams, configured fluently:
/// <code>
/// faults => faults.ClientToServer.DropDatagrams(0).ServerToClient.Duplicate(0.5)
/// faults => faults.Lossy()
/// </code>
/// </summary>
public sealed class UdpFaults
{
    public UdpFaults()
    {
        ClientToServer = new UdpDirectionFaults(this, Direction.ClientToServer);
        ServerToClient = new UdpDirectionFaults(this, Direction.ServerToClient);
    }

    /// <summary>Faults on the client's datagrams (requests).</summary>
    public UdpDirectionFaults ClientToServer { get; }

    /// <summary>Faults on the server's datagrams (replies).</summary>
    public UdpDirectionFaults ServerToClient { get; }

    /// <summary>The seed decisions derive from; by default the running test's.</summary>
    public int? Seed { get; private set; }

    public UdpFaults WithSeed(int seed)
    {
        Seed = seed;
        return this;
    }

    public UdpFaults BothDirections(Action<UdpDirectionFaults> configure)
    {
        configure(ClientToServer);
        configure(ServerToClient);
        return this;
    }

    /// <summary>
    /// The network a retrying client must survive: some requests and some replies are lost
    /// (<paramref name="loss"/> each way), a quarter of the replies come twice, and replies are
    /// late by up to <paramref name="late"/> (40 ms by default) and sometimes out of order, so a
    /// reply may arrive after the client has already retried.
    /// </summary>
    public UdpFaults Lossy(double loss = 0.25, TimeSpan? late = null)
    {
        var lateness = late ?? TimeSpan.FromMilliseconds(40);
        ClientToServer.Drop(loss);
        ServerToClient.Drop(loss).Duplicate(0.25).Reorder(0.2).Delay(lateness / 2, jitter: lateness / 2);
        return this;
    }

    internal UdpDirectionSpec SpecFor(Direction direction) =>
        direction == Direction.ClientToServer ? ClientToServer.Spec : ServerToClient.Spec;

    public override string ToString() => $"client→server {ClientToServer.Spec}; server→client {ServerToClient.Spec}";
}
