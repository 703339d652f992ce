namespace NetCourse.Grading.Protocol;

/// <summary>How a test ended. On the wire (and in the grader's reports) in kebab case: <c>not-started</c>, <c>timed-out</c>.</summary>
public enum TestOutcome
{
    Passed,
    Failed,
    /// <summary>Failed because a stub member still throws NotImplementedException.</summary>
    NotStarted,
    Skipped,
    /// <summary>Decided by the grader, never by the host: the test ran past its time limit.</summary>
    TimedOut,
    /// <summary>Decided by the grader, never by the host: the process died during the test (a host cannot report its own death).</summary>
    Crashed,
}

public static class TestOutcomes
{
    /// <summary>Whether the host may report this outcome; the other ones only the grader's watchdog gives.</summary>
    public static bool HostMayReport(this TestOutcome outcome) => outcome is not (TestOutcome.TimedOut or TestOutcome.Crashed);

    /// <summary>The outcome as the protocol and the reports spell it (<c>not-started</c>).</summary>
    public static string Text(this TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "passed",
        TestOutcome.Failed => "failed",
        TestOutcome.NotStarted => "not-started",
        TestOutcome.Skipped => "skipped",
        TestOutcome.TimedOut => "timed-out",
        TestOutcome.Crashed => "crashed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
