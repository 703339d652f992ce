using NetCourse.Grader.Course;

namespace NetCourse.Grader.Tests.LessonPrograms;

public class ReadmeCommandsTests
{
    [Test]
    [TimeLimit(120)]
    public async Task Everything_a_lesson_README_tells_a_learner_to_run_is_in_the_learner_export()
    {
        var export = Path.Combine(Path.GetTempPath(), $"netcourse-export-{Guid.NewGuid():N}");
        try
        {
            await LearnerExport.ExportAsync(LessonProgramProcess.Repo, export, TextWriter.Null);

            ReadmeCommands.Problems(export).ShouldBeEmpty();
        }
        finally
        {
            if (Directory.Exists(export)) Directory.Delete(export, recursive: true);
        }
    }

    [Test]
    public void A_command_that_needs_what_the_copy_lacks_is_reported()
    {
        var course = Directory.CreateTempSubdirectory("netcourse-readme-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(course, "lessons", "lesson01-demo", "tests"));
            File.WriteAllLines(Path.Combine(course, "lessons", "lesson01-demo", "README.md"),
            [
                "# Lesson 01 — Demo", "", "```sh", "dotnet run --project lessons/lesson01-demo/run", "```", "",
                "Then `./grade.sh lesson01 --solution`, `./grade.sh lesson02` and `notebooks/01-demo.ipynb`.", "",
                MaintainerBlocks.Begin, "In the course's own repository, `dotnet run --project solutions/lesson01-demo/benchmarks`.", MaintainerBlocks.End,
            ]);

            var problems = ReadmeCommands.Problems(course);

            problems.Count.ShouldBe(4, string.Join('\n', problems));
            problems.ShouldContain(p => p.Contains("lessons/lesson01-demo/run is not in this copy"));
            problems.ShouldContain(p => p.Contains("needs the solutions"));
            problems.ShouldContain(p => p.Contains("no lesson 'lesson02'"));
            problems.ShouldContain(p => p.Contains("notebooks/01-demo.ipynb is not in this copy"));
        }
        finally
        {
            Directory.Delete(course, recursive: true);
        }
    }
}
