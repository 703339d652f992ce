using NetCourse.Grader.Building;
using NetCourse.Grader.Course;
using NetCourse.Grader.Reporting;
using NetCourse.Grader.Running;
using NetCourse.Grading.Protocol;

namespace NetCourse.Grader.Tests;

// A test skipped because a program is missing (see NetCourse.Harness.Tools.ExternalTool) must say
// what to install, and must never be offered as the next thing to fix.
public class SkippedTestReportTests
{
    private const string Reason = "redis-server is not installed (redis-server not found): install it (Debian/Ubuntu: sudo apt-get install redis-server)";

    [Test]
    public void A_skipped_test_shows_what_to_install()
    {
        var report = Report(Verdict("Messages survive on Redis", TestOutcome.Skipped, Reason), Verdict("Messages survive in memory", TestOutcome.Passed));
        report.ShouldContain($"skip  Messages survive on Redis  (task 1)\n        {Reason}");
    }

    [Test]
    public void The_summary_counts_skipped_tests_and_the_next_step_asks_for_the_program()
    {
        var report = Report(Verdict("Messages survive on Redis", TestOutcome.Skipped, Reason), Verdict("Messages survive in memory", TestOutcome.Passed));
        report.ShouldContain("1 of 2 tests pass (1 skipped) · 1 of 2 points");
        report.ShouldContain("Next: the skipped tests need a program this machine lacks");
    }

    [Test]
    public void A_failing_test_comes_before_a_skipped_one_as_the_next_step()
    {
        var report = Report(Verdict("Messages survive on Redis", TestOutcome.Skipped, Reason), Verdict("Messages survive in memory", TestOutcome.Failed, "lost one"));
        report.ShouldContain("Next: task 1 of the lesson's README — make \"Messages survive in memory\" pass.");
    }

    private static TestVerdict Verdict(string name, TestOutcome outcome, string? message = null) => new()
    {
        Id = "Fixture." + name.Replace(' ', '_'), Fixture = "Fixture", Name = name, Points = 1, Task = 1, Outcome = outcome, Message = message,
    };

    private static string Report(params TestVerdict[] tests)
    {
        var lesson = new Lesson(9, "lesson09-demo", "Lesson 09 — Demo", "/nowhere", "/nowhere");
        var run = new LessonRun(lesson, Implementation.Stub, 1, new BuildResult(true, [], "/nowhere/tests.dll"), tests);
        var output = new StringWriter();
        LessonReport.Write(run, output, new Styler(colour: false), "./grade.sh lesson09");
        return output.ToString().ReplaceLineEndings("\n");
    }
}
