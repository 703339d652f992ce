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

    [TestCase("grade.sh")]
    [TestCase("grade.ps1")]
    public void Usage_descriptions_line_up_under_either_shim_name(string shim)
    {
        var lines = GraderOptions.Usage(shim).Split('\n').Skip(1).ToList();
        var column = lines[0].IndexOf("your progress", StringComparison.Ordinal);
        foreach (var line in lines)
        {
            // A command line's description follows two or more spaces; a continuation line is all description.
            var gap = line.StartsWith($"  {shim}", StringComparison.Ordinal) ? line.IndexOf("  ", 2 + shim.Length, StringComparison.Ordinal) : 0;
            if (gap < 0) continue; // a command too long for its column: its description is on the next line
            (line.Length - line[gap..].TrimStart().Length).ShouldBe(column, $"the description of \"{line}\" starts in another column");
        }
    }

    [Test]
    public void Usage_names_the_shim_it_is_given() =>
        GraderOptions.Usage("grade.ps1").ShouldContain("  grade.ps1 LESSON --solution  ");
}
