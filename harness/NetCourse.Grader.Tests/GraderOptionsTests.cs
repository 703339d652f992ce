using NetCourse.Grader.Cli;

namespace NetCourse.Grader.Tests;

public class GraderOptionsTests
{
    [Test]
    public void No_arguments_means_the_progress_overview() =>
        GraderOptions.Parse([]).Mode.ShouldBe(GraderMode.Progress);

    [Test]
    public void A_lesson_with_solution_grades_the_reference_solution()
    {
        var options = GraderOptions.Parse(["lesson05", "--solution"]);

        options.Mode.ShouldBe(GraderMode.Lesson);
        options.Lessons.ShouldBe(["lesson05"]);
        options.Solution.ShouldBeTrue();
    }

    [Test]
    public void A_lesson_with_alternative_names_the_alternative_to_grade() =>
        GraderOptions.Parse(["lesson07", "--alternative", "throws-when-disposed"]).Alternative.ShouldBe("throws-when-disposed");

    [Test]
    public void Seed_is_read_as_a_number() =>
        GraderOptions.Parse(["5", "--seed", "1234"]).Seed.ShouldBe(1234);

    [TestCase("--bogus")]
    [TestCase("5", "--seed", "soon")]
    [TestCase("5", "--mutant")]
    [TestCase("--solution")]
    [TestCase("5", "6")]
    [TestCase("5", "--solution", "--mutant", "x")]
    [TestCase("5", "--mutant", "x", "--alternative", "y")]
    [TestCase("--alternative", "y")]
    [TestCase("--update")]
    public void A_wrong_command_line_is_a_usage_error(params string[] args) =>
        Should.Throw<GraderException>(() => GraderOptions.Parse(args)).ExitCode.ShouldBe(2);
}
