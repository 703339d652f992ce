using System.Text.RegularExpressions;
using NetCourse.Grader.Course;

namespace NetCourse.Grader.Tests;

/// <summary>A learner's copy never points at a file it lacks: the export leaves out the solutions, the
/// course's own tests and the authoring guide, and its Markdown must not send a learner looking for them.</summary>
public partial class LearnerExportLinkTests
{
    [GeneratedRegex(@"\]\(([^)\s]+)\)")] private static partial Regex MarkdownLink();

    // A path in backticks that starts at one of the course's folders: `solutions/lesson05-framing/benchmarks`, `.ci/run`.
    [GeneratedRegex(@"`((?:\.ci|solutions|harness|docs|lessons|notebooks|mutants|benchmarks)/[^`\s]*)`")]
    private static partial Regex CoursePath();

    // Segments like lessonNN-slug, <slug>, NAME or * stand for any name: only the path before them can be checked.
    [GeneratedRegex(@"[<>*]|NN|NAME|slug")] private static partial Regex Placeholder();

    private static string _copy = null!;

    [OneTimeSetUp]
    public static async Task ExportTheCourse()
    {
        _copy = Path.Combine(Directory.CreateTempSubdirectory("netcourse-export-links-").FullName, "copy");
        await LearnerExport.ExportAsync(TempCourse.RepoRoot(), _copy, TextWriter.Null);
    }

    [OneTimeTearDown]
    public static void DeleteTheCopy() => Directory.Delete(Path.GetDirectoryName(_copy)!, recursive: true);

    private static IEnumerable<(string File, int Line, string Target)> References(Regex pattern) =>
        Directory.EnumerateFiles(_copy, "*.md", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadAllLines(file).SelectMany((text, i) =>
                pattern.Matches(text).Select(m => (file, i + 1, m.Groups[1].Value))));

    [Test]
    public void Every_relative_Markdown_link_in_the_learners_copy_resolves()
    {
        var broken = References(MarkdownLink())
            .Where(r => !r.Target.Contains("://") && !r.Target.StartsWith('#') && !r.Target.StartsWith("mailto:"))
            .Where(r => r.Target.Split('#')[0] is var path && path.Length > 0
                && !Path.Exists(Path.Combine(Path.GetDirectoryName(r.File)!, Uri.UnescapeDataString(path))))
            .Select(r => $"{Path.GetRelativePath(_copy, r.File)}:{r.Line}: links {r.Target}, which the learner's copy does not have")
            .ToList();

        broken.ShouldBeEmpty(string.Join("\n", broken));
    }

    [Test]
    public void Every_course_path_a_Markdown_file_of_the_learners_copy_names_exists()
    {
        var missing = References(CoursePath())
            .Where(r => ConcretePart(r.Target) is var path
                && !Path.Exists(Path.Combine(_copy, path)) && !Path.Exists(Path.Combine(Path.GetDirectoryName(r.File)!, path)))
            .Select(r => $"{Path.GetRelativePath(_copy, r.File)}:{r.Line}: names `{r.Target}`, which the learner's copy does not have"
                + " (put it between <!-- course-repository-only --> markers, or say it without the path)")
            .ToList();

        missing.ShouldBeEmpty(string.Join("\n", missing));
    }

    private static string ConcretePart(string path) =>
        string.Join('/', path.TrimEnd('/').Split('/').TakeWhile(segment => !Placeholder().IsMatch(segment)));
}
