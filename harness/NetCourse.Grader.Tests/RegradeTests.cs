using NetCourse.Grader.Running;

namespace NetCourse.Grader.Tests;

/// <summary>
/// The learner's loop over the fixture course: a re-grade compiles no more than it must, an overview
/// with nothing changed starts no process at all, and neither ever serves a verdict on old code.
/// </summary>
[TimeLimit(300)]
[NonParallelizable]
public class RegradeTests : TempCourseFixture
{
    [Test]
    public async Task The_overview_with_nothing_changed_starts_no_build_and_no_test_process()
    {
        Course.Submit("partial");
        await Course.GradeAsync();
        var started = ChildProcess.StartedCount;

        var (_, output, _) = await Course.GradeAsync();

        ChildProcess.StartedCount.ShouldBe(started, "the second overview started a process although nothing had changed");
        output.ShouldContain("unchanged since its last grade");
    }

    [Test]
    public async Task The_overview_grades_a_lesson_again_after_an_edit()
    {
        Course.Submit("partial");
        await Course.GradeAsync();
        Course.Submit("all-pass");

        var (code, output, _) = await Course.GradeAsync();

        output.ShouldNotContain("unchanged since its last grade");
        output.ShouldContain("1 of 1 lessons done");
        code.ShouldBe(0);
    }

    [Test]
    public async Task A_regrade_with_nothing_changed_starts_only_the_test_process()
    {
        Course.Submit("partial");
        await Course.GradeAsync("lesson01");
        var started = ChildProcess.StartedCount;

        await Course.GradeAsync("lesson01");

        (ChildProcess.StartedCount - started).ShouldBe(1, "a re-grade of unchanged code started a build");
    }

    [Test]
    public async Task A_regrade_after_an_edit_judges_the_edited_code()
    {
        Course.Submit("partial");
        var (partialCode, _, _) = await Course.GradeAsync("lesson01");
        Course.Submit("all-pass");

        var (code, output, _) = await Course.GradeAsync("lesson01");

        partialCode.ShouldBe(1);
        output.ShouldContain("All done");
        code.ShouldBe(0);
    }

    [Test]
    public async Task A_regrade_after_an_edit_of_the_public_API_compiles_the_tests_again()
    {
        Course.Submit("all-pass");
        await Course.GradeAsync("lesson01");
        Course.Submit("api-changed");

        var (code, output, _) = await Course.GradeAsync("lesson01");

        output.ShouldContain("The tests do not compile against the code");
        code.ShouldBe(1);
    }

    [Test]
    public async Task A_build_of_the_tests_outside_the_grader_is_not_trusted_as_the_grader_s_own()
    {
        Course.Submit("all-pass");
        await Course.GradeAsync("lesson01");
        // What a `dotnet test` after an edit leaves: another implementation assembly beside the tests.
        var implementation = Directory.EnumerateFiles(Path.Combine(Course.Root, ".build", "bin", "lessons", "lesson01-demo", "tests", "stub"), "NetCourse.Lesson01.dll").Single();
        File.AppendAllText(implementation, "not the assembly the grader built");
        var started = ChildProcess.StartedCount;

        var (code, output, _) = await Course.GradeAsync("lesson01");

        (ChildProcess.StartedCount - started).ShouldBeGreaterThan(1, "the grader ran the tests over an assembly it had not built");
        output.ShouldContain("All done");
        code.ShouldBe(0);
    }

    [Test]
    public async Task A_regrade_after_adding_a_lambda_and_an_async_method_compiles_only_the_learner_s_project()
    {
        Course.Submit("all-pass");
        await Course.GradeAsync("lesson01");
        Course.Submit("all-pass-with-lambda");
        var started = ChildProcess.StartedCount;

        var (code, output, _) = await Course.GradeAsync("lesson01");

        (ChildProcess.StartedCount - started).ShouldBe(2, "expected one build of the learner's project and one test process");
        output.ShouldContain("All done");
        code.ShouldBe(0);
    }
}
