using NetCourse.Harness.Time;
using NetCourse.Lesson01;

/// <summary>
/// Two connections, a wire between them that delivers in order and loses the segments asked
/// for, and a manual clock that moves only when the wire is quiet and a timer must fire.
/// Every segment is printed with its number on the wire, so <c>--lose N</c> names one.
/// </summary>
internal sealed class Trace(TextWriter output, IReadOnlySet<int> lost, uint clientIss, uint serverIss) : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly Queue<(string From, Segment Segment)> _wire = new();
    private int _sent;
    private TimeSpan _elapsed;

    public TcpConnection Client { get; private set; } = null!;
    public TcpConnection Server { get; private set; } = null!;

    public Trace Start()
    {
        Client = new TcpConnection(clientIss, s => _wire.Enqueue(("client", s)), _clock);
        Server = new TcpConnection(serverIss, s => _wire.Enqueue(("server", s)), _clock);
        return this;
    }

    public void Step(string what, Action action)
    {
        output.WriteLine($"{Clock}  {what}");
        action();
        States();
    }

    /// <summary>Delivers until <paramref name="done"/>, letting the retransmission timer fire when the wire is quiet.</summary>
    public bool RunUntil(Func<bool> done, int maxTimerRounds = 8)
    {
        for (var rounds = 0; ; rounds++)
        {
            while (_wire.TryDequeue(out var item)) Deliver(item.From, item.Segment);
            if (done()) return true;
            if (rounds == maxTimerRounds)
            {
                output.WriteLine($"{Clock}  stuck: nothing more happens (client {Client.State}, server {Server.State})");
                return false;
            }
            Advance(TcpOptions.Default.RetransmissionTimeout, "the retransmission timer's time");
        }
    }

    public void Advance(TimeSpan by, string why)
    {
        _elapsed += by;
        output.WriteLine($"{Clock}  … {by.TotalSeconds:0} s later ({why})");
        _clock.Advance(by);
        States();
    }

    private void Deliver(string from, Segment segment)
    {
        var number = ++_sent;
        var arrow = from == "client" ? "client → server" : "server → client";
        if (lost.Contains(number))
        {
            output.WriteLine($"{Clock}  #{number,-2} {arrow}  {segment,-36}  LOST on the wire");
            return;
        }
        output.WriteLine($"{Clock}  #{number,-2} {arrow}  {segment}");
        (from == "client" ? Server : Client).Receive(segment);
        States();
    }

    private void States() => output.WriteLine($"{"",8}      client {Name(Client.State),-12} server {Name(Server.State)}");

    private string Clock => $"t={_elapsed.TotalSeconds,4:0}s";

    /// <summary>The RFC's spelling: SYN-RECEIVED, FIN-WAIT-1, TIME-WAIT.</summary>
    private static string Name(TcpState state) => state switch
    {
        TcpState.SynSent => "SYN-SENT",
        TcpState.SynReceived => "SYN-RECEIVED",
        TcpState.FinWait1 => "FIN-WAIT-1",
        TcpState.FinWait2 => "FIN-WAIT-2",
        TcpState.CloseWait => "CLOSE-WAIT",
        TcpState.LastAck => "LAST-ACK",
        TcpState.TimeWait => "TIME-WAIT",
        _ => state.ToString().ToUpperInvariant(),
    };

    public void Dispose()
    {
        Client?.Dispose();
        Server?.Dispose();
    }
}
