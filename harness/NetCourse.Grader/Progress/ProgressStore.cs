using System.Text.Json;
using NetCourse.Grader.Building;
using NetCourse.Grader.Course;
using NetCourse.Grader.Running;

namespace NetCourse.Grader.Progress;

/// <summary>
/// Each lesson's last verdicts on the learner's code, under .build/progress/ (never in git, never in
/// the learner's export), keyed by a hash of everything that decides them: the learner's src/, the
/// lesson's tests and the harness and build files (<see cref="BuildInputs.TestsHash"/>), the grader
/// itself and the SDK. A seed asked for is an input too: a record graded with another seed does not
/// answer for it. A file that cannot be read, or that another course or grader wrote, is ignored
/// with a note and never trusted.
/// </summary>
/// <param name="graderIdentity">what identifies the grader (default: its assembly's hash); tests pass their own.</param>
/// <param name="sdkIdentity">what identifies the SDK (default: <see cref="BuildInputs.SdkIdentity"/>); tests pass their own.</param>
public sealed class ProgressStore(string repoRoot, TextWriter notes, string? graderIdentity = null, string? sdkIdentity = null)
{
    private const int Format = 1;

    private string Folder => Path.Combine(repoRoot, ".build", "progress");

    public string PathOf(Lesson lesson) => Path.Combine(Folder, lesson.Slug + ".json");

    /// <summary>The hash the remembered verdicts of <paramref name="lesson"/> must carry to count.</summary>
    public string Key(Lesson lesson)
    {
        var project = Directory.Exists(lesson.SourceDirectory) ? Directory.EnumerateFiles(lesson.SourceDirectory, "*.csproj").FirstOrDefault() ?? "" : "";
        return new ContentHash()
            .Add("lesson", lesson.Slug)
            .Add("grader", graderIdentity ?? BuildInputs.GraderIdentity)
            .Add("tests", BuildInputs.TestsHash(lesson, project, sdkIdentity))
            .Add("sources", BuildInputs.SourcesHash(lesson.SourceDirectory, includeProjects: true))
            .Finish();
    }

    public LessonProgress? Recall(Lesson lesson, long? seed)
    {
        var file = PathOf(lesson);
        if (!File.Exists(file)) return null;
        Record? record;
        try { record = JsonSerializer.Deserialize<Record>(File.ReadAllText(file)); }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            notes.WriteLine($"grade: ignored {Path.GetRelativePath(repoRoot, file)}: it cannot be read ({e.GetType().Name}); {lesson.Id} is graded again.");
            return null;
        }
        if (record is null || record.Format != Format || record.Lesson != lesson.Slug || record.Key is not { Length: 64 }
            || record.Passed < 0 || record.Tests < record.Passed || record.PointsPossible < record.PointsEarned || record.PointsEarned < 0)
        {
            notes.WriteLine($"grade: ignored {Path.GetRelativePath(repoRoot, file)}: it was not written by this grader for {lesson.Id}; {lesson.Id} is graded again.");
            return null;
        }
        if (record.Key != Key(lesson) || (seed is not null && record.Seed != seed)) return null;
        return new LessonProgress(lesson, ProgressSource.Remembered, record.Compiled, record.Passed, record.Tests, record.PointsEarned, record.PointsPossible);
    }

    /// <summary>Remembers a complete grade of the learner's code (not a partial --only run, not trusted grading).</summary>
    /// <param name="key">the lesson's <see cref="Key"/> taken before the grade began: a file saved while
    /// the tests ran must not be credited with verdicts on the code before it.</param>
    public void Remember(LessonRun run, string key)
    {
        var progress = LessonProgress.From(run);
        var record = new Record(Format, run.Lesson.Slug, key, run.Seed, progress.Compiled, progress.Passed, progress.Tests,
            progress.PointsEarned, progress.PointsPossible);
        Directory.CreateDirectory(Folder);
        var file = PathOf(run.Lesson);
        var next = file + ".next";
        File.WriteAllText(next, JsonSerializer.Serialize(record));
        File.Move(next, file, overwrite: true); // whole or not at all: a grade cut short leaves the old record
    }

    private sealed record Record(int Format, string Lesson, string Key, long Seed, bool Compiled, int Passed, int Tests, int PointsEarned, int PointsPossible);
}
