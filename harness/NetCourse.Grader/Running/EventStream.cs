using NetCourse.Grading.Protocol;

namespace NetCourse.Grader.Running;

/// <summary>
/// The grader's end of one test-host run's event channel: the protocol's <see cref="EventReader"/>
/// (signature, sequence, the order <c>plan* (start end)* done</c>) fed from the output reader
/// thread, and a queue the watchdog loop takes the accepted events from. On the first
/// <see cref="Violation"/> the queue is emptied: the run is then treated as tampered with, never as a pass.
/// </summary>
public sealed class EventStream : IDisposable
{
    private readonly EventReader _reader;
    private readonly Queue<HostEvent> _accepted = new();
    private readonly object _gate = new();

    /// <param name="key">this run's key; a copy is kept only inside the reader's signature.</param>
    public EventStream(byte[] key) => _reader = new EventReader((byte[])key.Clone());

    /// <summary>Why the stream stopped being trusted, or null while every line kept the rules.</summary>
    public string? Violation
    {
        get { lock (_gate) return _reader.Violation; }
    }

    /// <summary>Takes one line of the host's standard output (called on the reader thread).</summary>
    public void Accept(string line)
    {
        lock (_gate)
        {
            if (_reader.Read(line) is { } e) _accepted.Enqueue(e);
            else if (_reader.Violation is not null) _accepted.Clear();
        }
    }

    /// <summary>The events accepted since the last call, in order.</summary>
    public IReadOnlyList<HostEvent> TakeAccepted()
    {
        lock (_gate)
        {
            var events = _accepted.ToList();
            _accepted.Clear();
            return events;
        }
    }

    public void Dispose() => _reader.Dispose();
}
