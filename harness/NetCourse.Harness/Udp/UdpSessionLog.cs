using System.Diagnostics;
using System.Net;
using System.Text;
using NetCourse.Harness.Faults;

namespace NetCourse.Harness.Udp;

/// <summary>What happened to one client's datagrams (a session: one client endpoint), both ways.</summary>
public sealed class UdpSessionLog
{
    private const int MaxEvents = 300;
    private readonly object _gate = new();
    private readonly List<string> _events = [];
    private readonly long _start;
    private long _omitted;

    internal UdpSessionLog(int index, IPEndPoint client, long start)
    {
        Index = index;
        Client = client;
        _start = start;
        ClientToServer = new UdpDirectionLog(this, Direction.ClientToServer);
        ServerToClient = new UdpDirectionLog(this, Direction.ServerToClient);
    }

    public int Index { get; }
    public IPEndPoint Client { get; }
    public UdpDirectionLog ClientToServer { get; }
    public UdpDirectionLog ServerToClient { get; }

    internal void Add(string what)
    {
        var line = FormattableString.Invariant($"{Stopwatch.GetElapsedTime(_start).TotalMilliseconds,9:0.000} ms  {what}");
        lock (_gate)
        {
            if (_events.Count < MaxEvents) _events.Add(line);
            else _omitted++;
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder($"session #{Index} from {Client}\n");
        lock (_gate)
        {
            foreach (var line in _events) text.Append("  ").AppendLine(line);
            if (_omitted > 0) text.AppendLine($"  … {_omitted} more events not shown");
        }
        text.AppendLine($"  {ClientToServer}");
        text.Append($"  {ServerToClient}");
        return text.ToString();
    }
}

/// <summary>Counts of one direction of one session; indices are datagram numbers (0 is the first).</summary>
public sealed class UdpDirectionLog
{
    private readonly UdpSessionLog _session;
    private readonly List<int> _dropped = [], _duplicated = [], _reordered = [];
    private int _received, _delivered;

    internal UdpDirectionLog(UdpSessionLog session, Direction direction)
    {
        _session = session;
        Direction = direction;
    }

    public Direction Direction { get; }

    /// <summary>Datagrams the proxy received from this direction's sender.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Datagrams it sent on (copies included).</summary>
    public int Delivered => Volatile.Read(ref _delivered);

    public IReadOnlyList<int> Dropped { get { lock (_dropped) return [.. _dropped]; } }
    public IReadOnlyList<int> Duplicated { get { lock (_dropped) return [.. _duplicated]; } }
    public IReadOnlyList<int> Reordered { get { lock (_dropped) return [.. _reordered]; } }

    internal void Arrived(int index, int bytes)
    {
        Interlocked.Increment(ref _received);
        _session.Add($"{Direction.Arrow()}  #{index} arrived ({bytes} B)");
    }

    internal void Sent(int index, TimeSpan delay)
    {
        Interlocked.Increment(ref _delivered);
        _session.Add($"{Direction.Arrow()}  #{index} delivered" + (delay > TimeSpan.Zero ? FormattableString.Invariant($" (delayed {delay.TotalMilliseconds:0.#} ms)") : ""));
    }

    internal void Fault(List<int> list, int index, string what)
    {
        lock (_dropped) list.Add(index);
        _session.Add($"{Direction.Arrow()}  #{index} FAULT {what}");
    }

    internal void WasDropped(int index) => Fault(_dropped, index, "dropped");
    internal void WasDuplicated(int index, int copies) => Fault(_duplicated, index, $"duplicated (×{copies})");
    internal void WasHeldBack(int index) => Fault(_reordered, index, "held back to be delivered after the next one");

    internal void Note(string what) => _session.Add($"{Direction.Arrow()}  {what}");

    public override string ToString() =>
        $"{Direction.Arrow()}: received {Received}, delivered {Delivered}; dropped [{string.Join(", ", Dropped)}], duplicated [{string.Join(", ", Duplicated)}], reordered [{string.Join(", ", Reordered)}]";
}
