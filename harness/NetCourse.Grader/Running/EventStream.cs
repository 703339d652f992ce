using NetCourse.Harness.Grading;

namespace NetCourse.Grader.Running;

/// <summary>
/// The grader's end of one test-host run's event channel. It accepts only what the host itself
/// writes: every line signed with this run's key and numbered in order, and the protocol
/// <c>plan* (start end)* done</c> — a start names a planned test that has not run, an end follows
/// the start of the same test, nothing comes after <c>done</c>. The first line that breaks a rule
/// is a <see cref="Violation"/>: the run is then treated as tampered with, never as a pass.
/// </summary>
public sealed class EventStream : IDisposable
{
    private readonly EventSignature _signature;
    private readonly Queue<HostEvent> _accepted = new();
    private readonly HashSet<string> _planned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ran = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private long _sequence;
    private string? _running;
    private bool _started, _done;

    /// <param name="key">this run's key; a copy is kept only inside the signature.</param>
    public EventStream(byte[] key) => _signature = new EventSignature((byte[])key.Clone());

    /// <summary>Why the stream stopped being trusted, or null while every line kept the rules.</summary>
    public string? Violation { get; private set; }

    /// <summary>Takes one line of the host's standard output (called on the reader thread).</summary>
    public void Accept(string line)
    {
        lock (_gate)
        {
            if (Violation is not null) return;
            var json = _signature.Verify(_sequence, line);
            if (json is null) { Violate($"line {_sequence + 1} of the event stream is not the test host's (no valid signature)"); return; }
            _sequence++;
            var e = HostEvent.TryParse(json);
            var broken = e is null ? "an event that is not valid JSON" : Check(e);
            if (broken is not null) { Violate(broken); return; }
            _accepted.Enqueue(e!);
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

    private string? Check(HostEvent e)
    {
        if (_done) return $"a '{e.Type}' event after 'done'";
        switch (e.Type)
        {
            case HostEvent.Plan when e.Id is { } id:
                if (_started) return $"a 'plan' event after the tests started ({id})";
                return _planned.Add(id) ? null : $"the test '{id}' was planned twice";
            case HostEvent.Start when e.Id is { } id:
                _started = true;
                if (_running is not null) return $"'{id}' started while '{_running}' was still running";
                if (!_planned.Contains(id)) return $"'{id}' started but was never planned";
                if (!_ran.Add(id)) return $"'{id}' started twice";
                _running = id;
                return null;
            case HostEvent.End when e.Id is { } id:
                if (_running != id) return $"an 'end' for '{id}', which is not the running test";
                _running = null;
                return null;
            case HostEvent.Done:
                if (_running is not null) return $"'done' while '{_running}' was still running";
                _done = true;
                return null;
            default:
                return $"an event the protocol does not have ('{e.Type}')";
        }
    }

    private void Violate(string reason)
    {
        Violation = reason;
        _accepted.Clear();
    }

    public void Dispose() => _signature.Dispose();
}
