namespace NetCourse.Grader.Tests;

public class LearnerCopyCheckTests
{
    [Test]
    public async Task Check_in_a_learners_copy_says_it_has_no_solutions_instead_of_building_them()
    {
        using var course = new TempCourse();
        Directory.Delete(Path.Combine(course.Root, "solutions"), recursive: true);

        var (exitCode, _, error) = await course.GradeAsync("--check", "lesson01");

        exitCode.ShouldNotBe(0);
        error.ShouldContain("this is a learner's copy: it has no solutions to check");
    }
}
