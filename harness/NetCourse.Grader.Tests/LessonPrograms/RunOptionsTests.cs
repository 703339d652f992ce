using NetCourse.Grader.Cli;

namespace NetCourse.Grader.Tests.LessonPrograms;

public class RunOptionsTests
{
    [Test]
    public void Everything_after_run_is_the_programs()
    {
        var options = GraderOptions.Parse(["lesson04", "--run", "send", "notes.txt", "127.0.0.1:9004", "--port", "1"]);

        options.Mode.ShouldBe(GraderMode.Run);
        options.RunArguments.ShouldBe(["send", "notes.txt", "127.0.0.1:9004", "--port", "1"]);
    }

    [Test]
    public void Solution_after_run_is_still_the_graders() =>
        GraderOptions.Parse(["lesson06", "--run", "--port", "0", "--solution"]).ShouldSatisfyAllConditions(
            o => o.Solution.ShouldBeTrue(),
            o => o.RunArguments.ShouldBe(["--port", "0"]));

    [TestCase("--run")]
    [TestCase("lesson06", "--mutant", "x", "--run")]
    [TestCase("lesson06", "--format", "json", "--run")]
    public void Run_needs_one_lesson_and_no_grading_options(params string[] args) =>
        Should.Throw<GraderException>(() => GraderOptions.Parse(args)).ExitCode.ShouldBe(2);
}
