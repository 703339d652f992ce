using System.Globalization;
using System.Xml.Linq;
using NetCourse.Grader.Running;
using NetCourse.Grading.Protocol;

namespace NetCourse.Grader.Reporting;

/// <summary>JUnit XML, the format CI test reporters read. A compile error is one errored test case.</summary>
public static class JUnitReport
{
    public static string Render(LessonRun run)
    {
        var suite = new XElement("testsuite",
            new XAttribute("name", run.Lesson.Slug),
            new XAttribute("tests", Math.Max(1, run.Tests.Count)),
            new XAttribute("failures", run.Tests.Count(t => t.Finished && !t.Passed && t.Outcome is not (TestOutcome.TimedOut or TestOutcome.Crashed))),
            new XAttribute("errors", run.Compiled ? run.Tests.Count(t => t.Outcome is TestOutcome.TimedOut or TestOutcome.Crashed || !t.Finished) : 1),
            new XAttribute("time", Seconds(run.Tests.Sum(t => t.DurationMs))),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "implementation"), new XAttribute("value", run.Implementation.Pivot)),
                new XElement("property", new XAttribute("name", "seed"), new XAttribute("value", run.Seed)),
                new XElement("property", new XAttribute("name", "score"), new XAttribute("value", $"{run.PointsEarned}/{run.PointsPossible}"))));

        if (!run.Compiled)
            suite.Add(new XElement("testcase", new XAttribute("classname", run.Lesson.Slug), new XAttribute("name", "compile"),
                new XElement("error", new XAttribute("message", "the code does not compile"), string.Join('\n', run.Build.Errors))));

        foreach (var test in run.Tests)
        {
            var testCase = new XElement("testcase",
                new XAttribute("classname", test.Fixture), new XAttribute("name", test.Name), new XAttribute("time", Seconds(test.DurationMs)));
            if (!test.Passed)
            {
                var message = JsonReport.Message(test) ?? "not run";
                var kind = test.Outcome is TestOutcome.TimedOut or TestOutcome.Crashed || !test.Finished ? "error" : test.Outcome == TestOutcome.Skipped ? "skipped" : "failure";
                testCase.Add(new XElement(kind, new XAttribute("message", message.Split('\n')[0]), test.Hint is null ? message : $"{message}\nhint: {test.Hint}"));
            }
            if (test.Output is not null) testCase.Add(new XElement("system-out", test.Output));
            suite.Add(testCase);
        }
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
        return $"{document.Declaration}\n{document.Root}\n";
    }

    private static string Seconds(double milliseconds) => (milliseconds / 1000).ToString("0.000", CultureInfo.InvariantCulture);
}
