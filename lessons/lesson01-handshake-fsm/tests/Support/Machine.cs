using NetCourse.Harness.Time;
using static NetCourse.Lesson01.TcpFlags;
using static NetCourse.Lesson01.Tests.Support.Segments;

namespace NetCourse.Lesson01.Tests.Support;

/// <summary>
/// One connection under test, driven by a test that plays the peer: what it sent, and the manual
/// clock its timers run on. Our ISS is 100 and the peer's 300, as in RFC 9293's figures.
/// </summary>
internal sealed class Machine
{
    public const uint LocalIss = 100;
    public const uint RemoteIss = 300;

    private readonly List<Segment> _sent = [];
    private readonly List<string> _log = [];
    private int _taken;

    public Machine(uint iss = LocalIss, TcpOptions? options = null)
    {
        Iss = iss;
        Tcp = new TcpConnection(iss, Record, Clock, options);
        FailureDiagnostics.Attach("what the connection under test saw and sent", () =>
            string.Join("\n", _log.Append($"state now: {StateOrError()}")));
    }

    public uint Iss { get; }
    public ManualClock Clock { get; } = new();
    public TcpConnection Tcp { get; }
    public TcpState State => Tcp.State;

    /// <summary>A connection brought to <paramref name="state"/> by the usual path from CLOSED.</summary>
    public static Machine In(TcpState state, uint iss = LocalIss, uint remoteIss = RemoteIss, TcpOptions? options = null)
    {
        var machine = new Machine(iss, options);
        machine.Reach(state, remoteIss);
        machine.TakeSent();
        machine._log.Add($"--- in {state}: the test starts here ---");
        return machine;
    }

    public void Receive(Segment segment)
    {
        _log.Add($"received {segment}");
        Tcp.Receive(segment);
    }

    public void Advance(TimeSpan by)
    {
        _log.Add($"clock advanced by {by}");
        Clock.Advance(by);
    }

    /// <summary>The segments sent since the last call.</summary>
    public IReadOnlyList<Segment> TakeSent()
    {
        lock (_sent)
        {
            var fresh = _sent.Skip(_taken).ToList();
            _taken = _sent.Count;
            return fresh;
        }
    }

    /// <summary>The one segment sent since the last call; fails when there were none or several.</summary>
    public Segment TakeSingle(string after)
    {
        var fresh = TakeSent();
        fresh.Count.ShouldBe(1, $"After {after} the connection should send exactly one segment, but it sent {Describe(fresh)}.");
        return fresh[0];
    }

    public void ShouldHaveSentNothing(string after)
    {
        var fresh = TakeSent();
        fresh.ShouldBeEmpty($"After {after} the connection should send nothing, but it sent {Describe(fresh)}.");
    }

    private void Record(Segment segment)
    {
        lock (_sent)
        {
            _sent.Add(segment);
            _log.Add($"sent     {segment}");
        }
    }

    private string StateOrError()
    {
        try { return Tcp.State.ToString(); }
        catch (Exception e) { return $"(State threw {e.GetType().Name})"; }
    }

    // Each step is one transition of RFC 9293's diagram, checked on the way, so that a broken
    // earlier transition is reported as such rather than as a puzzling failure later.
    private void Reach(TcpState target, uint remoteIss)
    {
        switch (target)
        {
            case TcpState.Closed:
                return;
            case TcpState.Listen:
                Tcp.PassiveOpen();
                break;
            case TcpState.SynSent:
                Tcp.ActiveOpen();
                break;
            case TcpState.SynReceived:
                Reach(TcpState.Listen, remoteIss);
                Receive(Seg(Syn, seq: remoteIss));
                break;
            case TcpState.Established:
                Reach(TcpState.SynSent, remoteIss);
                Receive(Seg(Syn | Ack, seq: remoteIss, ack: Iss + 1));
                break;
            case TcpState.FinWait1:
                Reach(TcpState.Established, remoteIss);
                Tcp.Close();
                break;
            case TcpState.FinWait2:
                Reach(TcpState.FinWait1, remoteIss);
                Receive(Seg(Ack, seq: remoteIss + 1, ack: Iss + 2));
                break;
            case TcpState.Closing:
                Reach(TcpState.FinWait1, remoteIss);
                Receive(Seg(Fin | Ack, seq: remoteIss + 1, ack: Iss + 1));
                break;
            case TcpState.TimeWait:
                Reach(TcpState.FinWait2, remoteIss);
                Receive(Seg(Fin | Ack, seq: remoteIss + 1, ack: Iss + 2));
                break;
            case TcpState.CloseWait:
                Reach(TcpState.Established, remoteIss);
                Receive(Seg(Fin | Ack, seq: remoteIss + 1, ack: Iss + 1));
                break;
            case TcpState.LastAck:
                Reach(TcpState.CloseWait, remoteIss);
                Tcp.Close();
                break;
        }
        Tcp.State.ShouldBe(target, $"Setting up the test: the connection should have reached {target} by the usual path, " +
            "but it did not. Fix that transition first; the log below shows the way there.");
    }
}
