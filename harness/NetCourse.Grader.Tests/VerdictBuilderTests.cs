using NetCourse.Grader.Running;
using NetCourse.Grading.Protocol;

namespace NetCourse.Grader.Tests;

/// <summary>A run's verdicts come from one fold over the host's events and the watchdog's decisions.</summary>
public class VerdictBuilderTests
{
    private static readonly TimeSpan At = TimeSpan.FromSeconds(1);
    private VerdictBuilder _verdicts = null!;

    // NUnit keeps one fixture instance for all its tests: a fresh fold for each.
    [SetUp]
    public void NewFold() => _verdicts = new VerdictBuilder();

    private void Plan(params string[] ids)
    {
        foreach (var id in ids) _verdicts.Apply(new TestPlanned(id, "Fixture", id) { Points = 2, TimeLimitSeconds = 5 }, At);
    }

    private TestVerdict Verdict(string id) => _verdicts.Verdicts.Single(v => v.Id == id);

    [Test]
    public void A_planned_test_has_no_verdict_yet()
    {
        Plan("a");

        Verdict("a").ShouldSatisfyAllConditions(v => v.Finished.ShouldBeFalse(), v => v.Points.ShouldBe(2));
    }

    [Test]
    public void An_end_gives_the_test_the_host_s_verdict()
    {
        Plan("a");
        _verdicts.Apply(new TestStarted("a"), At);
        _verdicts.Apply(new TestEnded("a", TestOutcome.NotStarted) { NotStarted = "Ports.Open", Seed = 7 }, At);

        Verdict("a").ShouldSatisfyAllConditions(
            v => v.Outcome.ShouldBe(TestOutcome.NotStarted),
            v => v.NotStarted.ShouldBe("Ports.Open"),
            v => v.Seed.ShouldBe(7));
    }

    [Test]
    public void A_running_test_past_its_limit_times_out_with_how_long_it_ran()
    {
        Plan("a");
        _verdicts.Apply(new TestStarted("a"), At);

        _verdicts.RunningTimedOut(At + TimeSpan.FromSeconds(8));

        Verdict("a").ShouldSatisfyAllConditions(
            v => v.Outcome.ShouldBe(TestOutcome.TimedOut),
            v => v.Message.ShouldNotBeNull().ShouldContain("timed out after 5 s"),
            v => v.DurationMs.ShouldBe(8000));
    }

    [Test]
    public void The_test_running_when_the_process_died_crashed()
    {
        Plan("a", "b");
        _verdicts.Apply(new TestStarted("a"), At);

        _verdicts.RunningCrashed("stack overflow");

        Verdict("a").Outcome.ShouldBe(TestOutcome.Crashed);
        Verdict("b").Finished.ShouldBeFalse();
    }

    [Test]
    public void A_restarted_host_keeps_the_verdicts_so_far_and_skips_their_tests()
    {
        Plan("a", "b");
        _verdicts.Apply(new TestStarted("a"), At);
        _verdicts.RunningCrashed("exit");

        _verdicts.BeginAttempt();
        _verdicts.Apply(new TestPlanned("b", "Fixture", "b"), At);

        _verdicts.ShouldSatisfyAllConditions(
            v => v.Verdicts.Select(t => t.Id).ShouldBe(["a", "b"]),
            v => v.FinishedIds.ShouldBe(["a"]),
            v => v.Running.ShouldBeNull());
    }

    [Test]
    public void Tests_no_host_will_run_are_crashed_with_the_reason()
    {
        Plan("a", "b");
        _verdicts.Apply(new TestStarted("a"), At);
        _verdicts.Apply(new TestEnded("a", TestOutcome.Passed), At);

        _verdicts.UnfinishedCrashed("no progress");

        Verdict("a").Outcome.ShouldBe(TestOutcome.Passed);
        Verdict("b").ShouldSatisfyAllConditions(v => v.Outcome.ShouldBe(TestOutcome.Crashed), v => v.Message.ShouldBe("no progress"));
    }
}
