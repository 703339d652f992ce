using NetCourse.Harness.Time;

namespace NetCourse.Lesson01.Tests.Support;

/// <summary>
/// Two connections joined by an in-memory wire that delivers segments in order and loses the
/// ones a test asks it to lose. Nothing moves by itself: <see cref="Deliver"/> carries segments
/// across until the wire is quiet, and <see cref="Advance"/> moves the shared manual clock (firing
/// retransmissions) and then delivers. The client's ISS is 100 and the server's 300.
/// </summary>
internal sealed class Wire
{
    public enum Side { Client, Server }

    // Far more than any correct exchange here needs: more means two connections answering each other forever.
    private const int MaxDeliveries = 200;

    private readonly Queue<(Side From, Segment Segment)> _inFlight = new();
    private readonly List<(Side From, TcpFlags Flags)> _toLose = [];
    private readonly List<string> _trace = [];

    public Wire(TcpOptions? options = null)
    {
        Client = new TcpConnection(Machine.LocalIss, s => Put(Side.Client, s), Clock, options);
        Server = new TcpConnection(Machine.RemoteIss, s => Put(Side.Server, s), Clock, options);
        FailureDiagnostics.Attach("the wire (client ISS 100, server ISS 300)", () => string.Join("\n", _trace));
    }

    public ManualClock Clock { get; } = new();
    public TcpConnection Client { get; }
    public TcpConnection Server { get; }

    /// <summary>Every segment that went onto the wire, lost or not, in order.</summary>
    public List<(Side From, Segment Segment)> Sent { get; } = [];

    /// <summary>The next segment <paramref name="from"/> sends with exactly these flags is lost.</summary>
    public void LoseNext(Side from, TcpFlags flags) => _toLose.Add((from, flags));

    /// <summary>Carries segments across, in order, until none is in flight.</summary>
    public void Deliver()
    {
        for (var delivered = 0; DeliverNext(); delivered++)
        {
            if (delivered == MaxDeliveries)
                throw new InvalidOperationException($"The two connections kept sending segments to each other ({MaxDeliveries} deliveries): " +
                    "somewhere a segment is answered with a segment that is answered in turn. See the wire's trace.");
        }
    }

    /// <summary>Carries the oldest segment in flight across; false when there was none.</summary>
    public bool DeliverNext()
    {
        if (!_inFlight.TryDequeue(out var item)) return false;
        var to = item.From == Side.Client ? Server : Client;
        _trace.Add($"{Name(Other(item.From))} receives {item.Segment}");
        to.Receive(item.Segment);
        _trace.Add($"    {Name(Other(item.From))} is now {StateOf(to)}");
        return true;
    }

    /// <summary>Moves the clock (timers fire on the way), then delivers what they sent.</summary>
    public void Advance(TimeSpan by)
    {
        _trace.Add($"clock advanced by {by}");
        Clock.Advance(by);
        Deliver();
    }

    private void Put(Side from, Segment segment)
    {
        Sent.Add((from, segment));
        var rule = _toLose.FindIndex(r => r.From == from && r.Flags == segment.Flags);
        if (rule >= 0)
        {
            _toLose.RemoveAt(rule);
            _trace.Add($"{Name(from)} sends    {segment}  (LOST on the wire)");
            return;
        }
        _trace.Add($"{Name(from)} sends    {segment}");
        _inFlight.Enqueue((from, segment));
    }

    private static Side Other(Side side) => side == Side.Client ? Side.Server : Side.Client;
    private static string Name(Side side) => side == Side.Client ? "client" : "server";

    private static string StateOf(TcpConnection connection)
    {
        try { return connection.State.ToString(); }
        catch (Exception e) { return $"(State threw {e.GetType().Name})"; }
    }
}
