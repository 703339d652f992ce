namespace NetCourse.Grading.Protocol;

/// <summary>
/// The grader's end of one host run's event stream. It accepts only what the host itself writes:
/// every line signed with this run's key and numbered in order, a well-formed event, and the
/// protocol <c>plan* (start end)* done</c>: a start names a planned test that has not run, an end
/// follows the start of the same test with an outcome the host may give, nothing comes after
/// <c>done</c>. The first line that breaks a rule is the <see cref="Violation"/>, and from then on
/// no line is accepted: a run whose stream was tampered with is never taken as a pass.
/// Not thread-safe: one reader thread feeds it.
/// </summary>
public sealed class EventReader : IDisposable
{
    private readonly EventSignature _signature;
    private readonly HashSet<string> _planned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ran = new(StringComparer.Ordinal);
    private long _sequence;
    private string? _running;
    private bool _started, _done;

    /// <param name="key">this run's key; the caller's copy is wiped.</param>
    public EventReader(byte[] key) => _signature = new EventSignature(key);

    /// <summary>Why the stream stopped being trusted, or null while every line kept the rules.</summary>
    public string? Violation { get; private set; }

    /// <summary>The event on <paramref name="line"/>, or null when the line (or one before it) broke the rules.</summary>
    public HostEvent? Read(string line)
    {
        if (Violation is not null) return null;
        var json = _signature.Verify(_sequence, line);
        if (json is null) return Violate($"line {_sequence + 1} of the event stream is not the test host's (no valid signature)");
        _sequence++;
        if (EventJson.TryParse(json) is not { } e) return Violate("an event that is not valid (bad JSON, an unknown type or outcome, or a required field missing)");
        return Check(e) is { } broken ? Violate(broken) : e;
    }

    private string? Check(HostEvent e)
    {
        if (_done) return $"a '{Kind(e)}' event after 'done'";
        switch (e)
        {
            case TestPlanned { Id: var id }:
                if (_started) return $"a 'plan' event after the tests started ({id})";
                return _planned.Add(id) ? null : $"the test '{id}' was planned twice";
            case TestStarted { Id: var id }:
                _started = true;
                if (_running is not null) return $"'{id}' started while '{_running}' was still running";
                if (!_planned.Contains(id)) return $"'{id}' started but was never planned";
                if (!_ran.Add(id)) return $"'{id}' started twice";
                _running = id;
                return null;
            case TestEnded { Id: var id, Outcome: var outcome }:
                if (_running != id) return $"an 'end' for '{id}', which is not the running test";
                if (!outcome.HostMayReport()) return $"an 'end' for '{id}' with the outcome '{outcome.Text()}', which only the grader gives";
                _running = null;
                return null;
            case RunDone:
                if (_running is not null) return $"'done' while '{_running}' was still running";
                _done = true;
                return null;
            default:
                return $"an event the protocol does not have ({e.GetType().Name})";
        }
    }

    private static string Kind(HostEvent e) => e switch
    {
        TestPlanned => "plan",
        TestStarted => "start",
        TestEnded => "end",
        RunDone => "done",
        _ => e.GetType().Name,
    };

    private HostEvent? Violate(string reason)
    {
        Violation = reason;
        return null;
    }

    public void Dispose() => _signature.Dispose();
}
