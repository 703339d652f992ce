using NetCourse.Grader.Building;
using NetCourse.Grader.Course;
using NetCourse.Grader.Reporting;
using NetCourse.Grader.Running;

namespace NetCourse.Grader.Tests;

// Whose code failed to compile decides what the learner is told to do (the end-to-end reports
// of GradingScenarioTests cover the learner's own errors and a changed API).
public class CompileErrorReportTests
{
    [Test]
    public void An_error_inside_the_tests_that_is_not_about_the_API_is_not_blamed_on_the_learners_API()
    {
        var report = Report("lessons/lesson09-demo/tests/NodeTests.cs(12,9): error CS8602: Dereference of a possibly null reference.");
        report.ShouldContain("The lesson's tests do not compile, and not because of your code's API:");
        report.ShouldNotContain("a public type or member they use is missing");
    }

    [Test]
    public void A_member_the_tests_use_and_the_code_lacks_is_reported_as_a_changed_API()
    {
        var report = Report("lessons/lesson09-demo/tests/NodeTests.cs(12,9): error CS1061: 'PushNode' does not contain a definition for 'Address'");
        report.ShouldContain("a public type or member they use is missing or has changed");
    }

    private static string Report(string error)
    {
        var lesson = new Lesson(9, "lesson09-demo", "Lesson 09 — Demo", "/nowhere", "/nowhere");
        var run = new LessonRun(lesson, Implementation.Stub, 1, new BuildResult(false, [error], ""), []);
        var output = new StringWriter();
        LessonReport.Write(run, output, new Styler(colour: false), "./grade.sh lesson09");
        return output.ToString();
    }
}
