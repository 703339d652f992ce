using NetCourse.Grading.Protocol;

namespace NetCourse.Grader.Running;

/// <summary>
/// The one place a run's verdicts are made: a fold over the host's events (already checked by the
/// <see cref="EventReader"/>) across every restart of the test process, together with what only
/// the grader's watchdog can decide: a test that ran past its limit, a process that died during a
/// test, tests that never got to run. Each verdict is an immutable <see cref="TestVerdict"/>; what
/// happens to a test replaces its verdict. Times are the caller's (elapsed since the attempt
/// started), so the fold itself never reads a clock.
/// </summary>
public sealed class VerdictBuilder
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, TestVerdict> _byId = new(StringComparer.Ordinal);
    private string? _running;
    private TimeSpan _runningSince;

    /// <summary>Every planned test, in the host's order.</summary>
    public IReadOnlyList<TestVerdict> Verdicts => _order.Select(id => _byId[id]).ToList();

    /// <summary>The tests a restarted host must skip.</summary>
    public IReadOnlySet<string> FinishedIds => _byId.Values.Where(v => v.Finished).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);

    public int FinishedCount => _byId.Values.Count(v => v.Finished);

    /// <summary>Whether the host of this attempt has listed its tests.</summary>
    public bool Planned { get; private set; }

    /// <summary>Whether the host of this attempt said every test has run.</summary>
    public bool Done { get; private set; }

    /// <summary>The test the host started and has not ended, if any.</summary>
    public TestVerdict? Running => _running is null ? null : _byId[_running];

    /// <summary>How long the running test has been running at <paramref name="now"/>.</summary>
    public TimeSpan RunningFor(TimeSpan now) => now - _runningSince;

    /// <summary>A new host process: what the last one planned and finished stays, nothing runs yet.</summary>
    public void BeginAttempt()
    {
        _running = null;
        Planned = false;
        Done = false;
    }

    public void Apply(HostEvent e, TimeSpan at)
    {
        switch (e)
        {
            case TestPlanned plan:
                Planned = true;
                if (_byId.TryAdd(plan.Id, FromPlan(plan))) _order.Add(plan.Id);
                break;
            case TestStarted start when _byId.ContainsKey(start.Id):
                _running = start.Id;
                _runningSince = at;
                break;
            case TestEnded end when _byId.TryGetValue(end.Id, out var verdict):
                _byId[end.Id] = verdict with
                {
                    Outcome = end.Outcome,
                    Message = end.Message,
                    NotStarted = end.NotStarted,
                    Output = end.Output,
                    Seed = end.Seed,
                    DurationMs = end.DurationMs,
                };
                _running = null;
                break;
            case RunDone:
                Done = true;
                break;
        }
    }

    /// <summary>The running test went past its limit (the caller kills the process).</summary>
    public void RunningTimedOut(TimeSpan at)
    {
        var running = Running ?? throw new InvalidOperationException("no test is running");
        Finish(running with
        {
            Outcome = TestOutcome.TimedOut,
            Message = $"timed out after {running.TimeLimitSeconds} s: the code under test never finished (a loop without end, a deadlock, or a read that waits for data that never comes?)",
            DurationMs = RunningFor(at).TotalMilliseconds,
        });
    }

    /// <summary>The process died while the running test ran.</summary>
    public void RunningCrashed(string reason)
    {
        var running = Running ?? throw new InvalidOperationException("no test is running");
        Finish(running with { Outcome = TestOutcome.Crashed, Message = reason });
    }

    /// <summary>No host will run the tests still unfinished: each is reported as crashed, for <paramref name="reason"/>.</summary>
    public void UnfinishedCrashed(string reason)
    {
        foreach (var verdict in _byId.Values.Where(v => !v.Finished).ToList())
            _byId[verdict.Id] = verdict with { Outcome = TestOutcome.Crashed, Message = reason };
    }

    private void Finish(TestVerdict verdict)
    {
        _byId[verdict.Id] = verdict;
        _running = null;
    }

    private static TestVerdict FromPlan(TestPlanned plan) => new()
    {
        Id = plan.Id,
        Fixture = plan.Fixture,
        Name = plan.Name,
        Points = plan.Points,
        Hint = plan.Hint,
        Task = plan.Task,
        TimeLimitSeconds = plan.TimeLimitSeconds,
    };
}
