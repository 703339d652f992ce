using System.Text.RegularExpressions;

namespace NetCourse.Grader.Course;

/// <summary>The lessons of a course checkout, and the ways a person may name one.</summary>
public sealed partial class LessonCatalog(string repoRoot, IReadOnlyList<Lesson> lessons)
{
    public string RepoRoot { get; } = repoRoot;
    public IReadOnlyList<Lesson> Lessons { get; } = lessons;

    public static LessonCatalog Load(string repoRoot)
    {
        var lessonsDir = Path.Combine(repoRoot, "lessons");
        var lessons = !Directory.Exists(lessonsDir) ? [] :
            Directory.EnumerateDirectories(lessonsDir)
                .Select(dir => (dir, match: SlugPattern().Match(Path.GetFileName(dir))))
                .Where(x => x.match.Success && Directory.Exists(Path.Combine(x.dir, "tests")))
                .Select(x => new Lesson(int.Parse(x.match.Groups[1].Value), Path.GetFileName(x.dir), TitleOf(x.dir), x.dir, repoRoot))
                .OrderBy(l => l.Number)
                .ToList();
        return new LessonCatalog(repoRoot, lessons);
    }

    /// <summary>Finds a lesson by <c>lesson05</c>, <c>5</c>, <c>05</c>, <c>lesson05-framing</c> or <c>framing</c>.</summary>
    public Lesson? Find(string name)
    {
        var key = name.Trim().TrimEnd('/', '\\').ToLowerInvariant();
        key = Path.GetFileName(key); // "lessons/lesson05-framing" works too
        if (key.StartsWith("lesson", StringComparison.Ordinal) && int.TryParse(key[6..], out var n) || int.TryParse(key, out n))
            return Lessons.FirstOrDefault(l => l.Number == n);
        return Lessons.FirstOrDefault(l => l.Slug == key || l.ShortName == key);
    }

    /// <summary>The first line of the README without its '#', else the slug.</summary>
    private static string TitleOf(string lessonDir)
    {
        var readme = Path.Combine(lessonDir, "README.md");
        var heading = File.Exists(readme) ? File.ReadLines(readme).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal)) : null;
        return heading?[2..].Trim() ?? Path.GetFileName(lessonDir);
    }

    [GeneratedRegex(@"^lesson(\d{2})-[a-z0-9-]+$")]
    private static partial Regex SlugPattern();
}
