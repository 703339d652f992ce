using System.Diagnostics;
using System.Net;
using System.Text;
using NetCourse.Harness.Faults;

namespace NetCourse.Harness.Tcp;

/// <summary>
/// What happened on one proxied connection: bytes read and delivered per direction, the pieces
/// they went out in, the faults injected, in order. Printed under a failing test's message.
/// Long logs keep their first and last events (the end is usually where it went wrong).
/// </summary>
public sealed class TcpConnectionLog
{
    private const int KeepFirst = 60;
    private const int KeepLast = 140;

    private readonly object _gate = new();
    private readonly long _start;
    private readonly List<Entry> _first = [];
    private readonly Queue<Entry> _last = new();
    private long _omitted;

    internal TcpConnectionLog(int index, IPEndPoint client, string faults, long startTimestamp)
    {
        Index = index;
        Client = client;
        Faults = faults;
        _start = startTimestamp;
        ClientToServer = new TcpDirectionLog(this, Direction.ClientToServer);
        ServerToClient = new TcpDirectionLog(this, Direction.ServerToClient);
    }

    /// <summary>0 for the first connection the proxy accepted.</summary>
    public int Index { get; }

    /// <summary>The client's endpoint as the proxy saw it.</summary>
    public IPEndPoint Client { get; }

    /// <summary>The faults this connection was given.</summary>
    public string Faults { get; }

    public TcpDirectionLog ClientToServer { get; }
    public TcpDirectionLog ServerToClient { get; }

    public TcpDirectionLog For(Direction direction) =>
        direction == Direction.ClientToServer ? ClientToServer : ServerToClient;

    /// <summary>Set once the proxy is done with the connection (both sockets closed).</summary>
    public bool Closed { get; private set; }

    internal void Closing() => Closed = true;

    // Entries are formatted only when the log is printed: the hot path of a clean proxy must not
    // pay for string formatting on every read.
    private readonly record struct Entry(long At, Direction Direction, string Format, long Bytes, string? Text);

    internal void Add(Direction direction, string format, long bytes = 0, string? text = null)
    {
        var entry = new Entry(Stopwatch.GetTimestamp(), direction, format, bytes, text);
        lock (_gate)
        {
            if (_first.Count < KeepFirst) { _first.Add(entry); return; }
            _last.Enqueue(entry);
            if (_last.Count > KeepLast)
            {
                _last.Dequeue();
                _omitted++;
            }
        }
    }

    private string Format(Entry e)
    {
        var elapsed = Stopwatch.GetElapsedTime(_start, e.At);
        var what = string.Format(System.Globalization.CultureInfo.InvariantCulture, e.Format, e.Bytes, e.Text);
        return FormattableString.Invariant($"{elapsed.TotalMilliseconds,9:0.000} ms  {e.Direction.Arrow()}  {what}");
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"connection #{Index} from {Client}: {Faults}");
        lock (_gate)
        {
            foreach (var entry in _first) text.Append("  ").AppendLine(Format(entry));
            if (_omitted > 0) text.AppendLine($"  … {_omitted} events not shown …");
            foreach (var entry in _last) text.Append("  ").AppendLine(Format(entry));
        }
        text.AppendLine($"  {ClientToServer}");
        text.Append($"  {ServerToClient}");
        return text.ToString();
    }
}

/// <summary>Counters of one direction of one connection.</summary>
public sealed class TcpDirectionLog
{
    private const int MaxPieceSizes = 100_000;
    private readonly TcpConnectionLog _connection;
    private readonly List<int> _pieceSizes = [];
    private readonly List<string> _faults = [];
    private long _bytesRead, _reads, _bytesDelivered, _pieces;

    internal TcpDirectionLog(TcpConnectionLog connection, Direction direction)
    {
        _connection = connection;
        Direction = direction;
    }

    public Direction Direction { get; }

    /// <summary>Bytes the proxy read from this direction's sender.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>How many reads those bytes took (roughly the sender's writes).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Bytes the proxy delivered to this direction's receiver.</summary>
    public long BytesDelivered => Interlocked.Read(ref _bytesDelivered);

    /// <summary>How many sends those bytes took.</summary>
    public long Pieces => Interlocked.Read(ref _pieces);

    /// <summary>The size of every send, in order (the first 100,000).</summary>
    public IReadOnlyList<int> PieceSizes
    {
        get { lock (_pieceSizes) return [.. _pieceSizes]; }
    }

    /// <summary>The faults injected, in order ("reset after 10 bytes", "stopped reading after 0 bytes").</summary>
    public IReadOnlyList<string> FaultsInjected
    {
        get { lock (_faults) return [.. _faults]; }
    }

    /// <summary>The sender's end of stream was passed on as a half-close (Shutdown(Send)).</summary>
    public bool EndOfStreamDelivered { get; private set; }

    internal void Read(int bytes)
    {
        Interlocked.Add(ref _bytesRead, bytes);
        Interlocked.Increment(ref _reads);
        _connection.Add(Direction, "read {0} B", bytes);
    }

    internal void Delivered(int bytes)
    {
        Interlocked.Add(ref _bytesDelivered, bytes);
        Interlocked.Increment(ref _pieces);
        lock (_pieceSizes)
            if (_pieceSizes.Count < MaxPieceSizes) _pieceSizes.Add(bytes);
        _connection.Add(Direction, "sent {0} B", bytes);
    }

    internal void EndOfStream()
    {
        EndOfStreamDelivered = true;
        _connection.Add(Direction, "end of stream → Shutdown(Send)");
    }

    internal void Fault(string what)
    {
        lock (_faults) _faults.Add(what);
        _connection.Add(Direction, "FAULT {1}", text: what);
    }

    internal void Note(string what) => _connection.Add(Direction, "{1}", text: what);

    public override string ToString() =>
        $"{Direction.Arrow()}: read {BytesRead} B in {Reads} reads, delivered {BytesDelivered} B in {Pieces} pieces"
        + (EndOfStreamDelivered ? ", end of stream delivered" : "")
        + (FaultsInjected.Count > 0 ? $"; faults: {string.Join(", ", FaultsInjected)}" : "");
}
