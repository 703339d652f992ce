using NetCourse.Harness.Snapshots;

namespace NetCourse.Grader.Tests;

/// <summary>
/// Whole grader runs over the fixture course, one per kind of learner submission, each compared
/// with the report it must produce. Hostile submissions (a hang, a
/// crash, an exit) must cost only the tests they break.
/// (GradingScenarioTests.A_submission_gets_its_report_NAME.verified.txt beside this file.)
/// </summary>
[TimeLimit(300)]
[NonParallelizable]
public class GradingScenarioTests : TempCourseFixture
{
    [TestCase("not-started", 1)]
    [TestCase("partial", 1)]
    [TestCase("all-pass", 0)]
    [TestCase("compile-error", 1)]
    [TestCase("api-changed", 1)]
    [TestCase("hangs", 1)]
    [TestCase("exits", 1)]
    [TestCase("stack-overflow", 1)]
    [TestCase("background-throw", 1)]
    [TestCase("floods-stdout", 0)]
    [TestCase("leaks-listener", 0)]
    public async Task A_submission_gets_its_report(string submission, int exitCode)
    {
        Course.Submit(submission);

        var (code, output, error) = await Course.GradeAsync("lesson01");

        error.ShouldBeEmpty();
        Snapshot.Match(output, new SnapshotOptions().Named(submission));
        code.ShouldBe(exitCode);
    }

    [Test]
    public async Task Json_results_carry_the_autograder_fields()
    {
        Course.Submit("partial");
        var file = Path.Combine(Course.Root, "results.json");

        var (code, _, _) = await Course.GradeAsync("lesson01", "--format", "json", "--output", file);

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        var root = json.RootElement;
        root.GetProperty("status").GetString().ShouldBe("fail");
        root.GetProperty("score").GetInt32().ShouldBe(5);
        root.GetProperty("max_score").GetInt32().ShouldBe(6);
        var failed = root.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("status").GetString() == "failed").ToList();
        failed.Count.ShouldBe(1);
        failed[0].GetProperty("task_id").GetInt32().ShouldBe(1);
        code.ShouldBe(1);
    }

    [Test]
    public async Task JUnit_results_count_failures_and_errors()
    {
        Course.Submit("hangs");
        var file = Path.Combine(Course.Root, "results.xml");

        await Course.GradeAsync("lesson01", "--format", "junit", "--output", file);

        var suite = System.Xml.Linq.XDocument.Load(file).Root!.Element("testsuite")!;
        ((int)suite.Attribute("tests")!).ShouldBe(5);
        ((int)suite.Attribute("failures")!).ShouldBe(1, "the wrong Parse is a failure");
        ((int)suite.Attribute("errors")!).ShouldBe(1, "the hang is an error");
    }

    [Test]
    public async Task The_solution_passes_every_test()
    {
        var (code, output, _) = await Course.GradeAsync("lesson01", "--solution");

        output.ShouldContain("All done: 5 of 5 tests pass · 6 of 6 points.");
        code.ShouldBe(0);
    }

    [Test]
    public async Task A_mutant_fails_the_test_that_catches_its_mistake()
    {
        var (code, output, _) = await Course.GradeAsync("lesson01", "--mutant", "accepts-port-zero");

        output.ShouldContain("FAIL  IsValid rejects port 0");
        code.ShouldBe(1);
    }

    [Test]
    public async Task An_unknown_lesson_lists_the_lessons_and_exits_2()
    {
        var (code, _, error) = await Course.GradeAsync("lesson99");

        error.ShouldBe("grade: there is no lesson 'lesson99'.\nThe lessons:\n  lesson01  lesson01-demo                Lesson 01 — Demo ports\n", StringCompareShould.IgnoreLineEndings);
        code.ShouldBe(2);
    }

    [Test]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var (code, _, error) = await Course.GradeAsync("--bogus");

        error.ShouldStartWith("grade: unknown option '--bogus'.");
        code.ShouldBe(2);
    }

    [Test]
    public async Task An_unknown_mutant_names_the_mutants_there_are()
    {
        var (code, _, error) = await Course.GradeAsync("lesson01", "--mutant", "nope");

        error.ShouldContain("has no mutant 'nope'. Its mutants: accepts-port-zero, parse-skips-range-check, upper-bound-off-by-one");
        code.ShouldBe(1);
    }

    [Test]
    public async Task The_check_proves_the_fixture_lesson_trustworthy()
    {
        Course.Submit("not-started");

        var (code, output, _) = await Course.GradeAsync("--check", "lesson01");

        output.ShouldEndWith("check: 12 passed, 0 failed\n");
        code.ShouldBe(0);
    }

    [Test]
    public async Task A_submission_is_graded_with_the_trusted_tests_and_its_tampering_is_reported()
    {
        var submission = Directory.CreateTempSubdirectory("netcourse-submission-").FullName;
        try
        {
            var lesson = Path.Combine(submission, "lessons", "lesson01-demo");
            Directory.CreateDirectory(Path.Combine(lesson, "src"));
            Directory.CreateDirectory(Path.Combine(lesson, "tests"));
            File.Copy(Path.Combine(TempCourse.FixturesDirectory, "submissions", "partial.cs"), Path.Combine(lesson, "src", "Ports.cs"));
            File.Copy(Path.Combine(Course.Root, "lessons", "lesson01-demo", "src", "NetCourse.Lesson01.csproj"), Path.Combine(lesson, "src", "NetCourse.Lesson01.csproj"));
            File.WriteAllText(Path.Combine(lesson, "tests", "PortsTests.cs"), "// every test deleted\n");
            Directory.CreateDirectory(Path.Combine(lesson, "src", "Given"));
            File.WriteAllText(Path.Combine(lesson, "src", "Given", "PortLimits.cs"),
                "namespace NetCourse.Lesson01; public static class PortLimits { public const int Highest = 1; }\n");

            var (code, output, error) = await Course.GradeAsync("lesson01", "--submission", submission);

            error.ShouldContain("lessons/lesson01-demo/tests/PortsTests.cs");
            error.ShouldContain("lessons/lesson01-demo/src/Given/PortLimits.cs");
            output.ShouldContain("pass  IsValid rejects port 65536", customMessage: "the trusted given code is used, not the submission's");
            output.ShouldContain("FAIL  IsValid rejects port 0");
            code.ShouldBe(1);
        }
        finally { Directory.Delete(submission, recursive: true); }
    }

    [Test]
    public async Task The_learner_export_has_no_solutions_and_grades_as_it_is()
    {
        var export = Path.Combine(Path.GetTempPath(), "netcourse-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, error) = await Course.GradeAsync("--export-learner", export);
            error.ShouldBeEmpty();
            code.ShouldBe(0);
            Directory.Exists(Path.Combine(export, "solutions")).ShouldBeFalse("the export must not contain solutions/");

            using var output = new StringWriter();
            using var errors = new StringWriter();
            (await new GraderApp(output, errors, export).RunAsync(["lesson01"])).ShouldBe(1);
            output.ToString().ShouldContain("not started: Ports.IsValid");
            (await new GraderApp(output, errors, export).RunAsync(["lesson01", "--solution"])).ShouldBe(1);
            errors.ToString().ShouldContain("has no solutions");
        }
        finally
        {
            if (Directory.Exists(export)) Directory.Delete(export, recursive: true);
        }
    }

    [Test]
    public async Task The_export_refuses_a_folder_that_is_not_empty()
    {
        var folder = Directory.CreateTempSubdirectory("netcourse-export-").FullName;
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");
        try
        {
            var (code, _, error) = await Course.GradeAsync("--export-learner", folder);

            error.ShouldContain("is not empty");
            File.ReadAllText(Path.Combine(folder, "keep.txt")).ShouldBe("mine");
            code.ShouldBe(2);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
