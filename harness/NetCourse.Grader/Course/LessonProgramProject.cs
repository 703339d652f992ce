namespace NetCourse.Grader.Course;

/// <summary>
/// Where a lesson's program lives: <c>lessons/&lt;slug&gt;/run/</c>, a trusted host around the
/// learner's code (see Directory.Build.targets). A lesson whose code only makes sense inside a
/// later lesson's program (lesson03's command line in front of lesson04's transfer) has no run
/// folder of its own: the program that names it runs it.
/// </summary>
public sealed record LessonProgramProject(string ProjectPath, Lesson Owner)
{
    public static LessonProgramProject? Find(LessonCatalog catalog, Lesson lesson)
    {
        if (OwnProject(lesson) is { } own) return new(own, lesson);
        foreach (var other in catalog.Lessons)
            if (other != lesson && OwnProject(other) is { } project && File.ReadAllText(project).Contains(lesson.Slug, StringComparison.Ordinal))
                return new(project, other);
        return null;
    }

    private static string? OwnProject(Lesson lesson)
    {
        var folder = Path.Combine(lesson.Directory, "run");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.csproj").FirstOrDefault() : null;
    }
}
