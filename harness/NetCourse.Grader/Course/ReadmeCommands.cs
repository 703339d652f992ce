using System.Text;
using System.Text.RegularExpressions;
using NetCourse.Grader.Cli;

namespace NetCourse.Grader.Course;

/// <summary>
/// Checks what the lesson READMEs tell a learner to run or open against a copy of the course
/// (the learner export): every <c>./grade.sh</c> command parses and names a lesson the copy has,
/// none needs the solutions, and every path a command or a code span names (<c>lessons/…</c>,
/// <c>notebooks/…</c>, <c>dotnet run --project …</c>) exists there. Lines between the
/// course-repository-only markers (<see cref="MaintainerBlocks"/>) are not the learner's: the
/// export cuts them, and they are left alone here too.
/// </summary>
public static partial class ReadmeCommands
{
    private static readonly string[] LearnerPathPrefixes = ["lessons/", "notebooks/", "harness/", "docs/"];
    private static readonly string[] AnyPathPrefixes = [.. LearnerPathPrefixes, "solutions/"];

    public static IReadOnlyList<string> Problems(string courseRoot)
    {
        var catalog = LessonCatalog.Load(courseRoot);
        var problems = new List<string>();
        foreach (var lesson in catalog.Lessons)
        {
            var readme = Path.Combine(lesson.Directory, "README.md");
            if (!File.Exists(readme)) continue;
            var where = Path.GetRelativePath(courseRoot, readme).Replace('\\', '/');
            var learnersText = MaintainerBlocks.Strip(File.ReadAllText(readme), where);
            foreach (var (text, isCommandLine, paragraph) in Snippets(learnersText.ReplaceLineEndings("\n").Split('\n')))
                foreach (var problem in Check(catalog, text, isCommandLine, paragraph))
                    problems.Add($"{where}: `{text}`: {problem}");
        }
        return problems;
    }

    /// <summary>Each line of a fenced block (a command line), and each inline code span.</summary>
    private static IEnumerable<(string Text, bool IsCommandLine, string Paragraph)> Snippets(IReadOnlyList<string> lines)
    {
        var paragraph = new List<string>();
        var fenced = false;
        foreach (var line in lines.Append(""))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }
            if (fenced)
            {
                if (line.Trim().Length > 0) yield return (line.Trim(), true, "");
                continue;
            }
            if (line.Trim().Length > 0)
            {
                paragraph.Add(line);
                continue;
            }
            var text = string.Join(' ', paragraph);
            paragraph.Clear();
            foreach (Match span in CodeSpan().Matches(text)) yield return (span.Groups[1].Value.Replace("\\|", "|"), false, text);
        }
    }

    private static IEnumerable<string> Check(LessonCatalog catalog, string text, bool isCommandLine, string paragraph)
    {
        foreach (var segment in Regex.Split(text, @"\s(?:\||;|&&)\s|^\(|\)\s*\|"))
        {
            var words = Words(segment);
            if (words.Count == 0) continue;
            var isCommand = words[0] is "./grade.sh" or "./grade.ps1" or "dotnet";
            if (words[0] is "./grade.sh" or "./grade.ps1" && GradeProblem(catalog, words.Skip(1).ToList(), paragraph) is { } problem) yield return problem;
            // A path is the learner's to open when it is a code span of its own; any path inside a command must be there.
            foreach (var word in words.Where(w => (isCommand || isCommandLine || words.Count == 1) && LooksLikePath(w, isCommand || isCommandLine)))
            {
                var path = word.TrimEnd('.', ',', ':', ')');
                if (!File.Exists(Path.Combine(catalog.RepoRoot, path)) && !Directory.Exists(Path.Combine(catalog.RepoRoot, path)))
                    yield return $"{path} is not in this copy of the course";
            }
        }
    }

    private static string? GradeProblem(LessonCatalog catalog, IReadOnlyList<string> args, string paragraph)
    {
        if (args.Any(IsPlaceholder)) return null; // ./grade.sh lessonNN --seed S: a pattern, not a command
        GraderOptions options;
        try { options = GraderOptions.Parse(args); }
        catch (GraderException e) { return $"the grader refuses it: {e.Message}"; }
        if (options.Solution || options.Mutant is not null) return "it needs the solutions, which a learner's copy does not have";
        foreach (var name in options.Lessons)
            if (catalog.Find(name) is not { } lesson) return $"there is no lesson '{name}' in this copy";
            // A lesson without a program says so where it shows --run ("not a program"); any other needs its program.
            else if (options.Mode == GraderMode.Run && LessonProgramProject.Find(catalog, lesson) is null && !paragraph.Contains("not a program", StringComparison.Ordinal))
                return $"{lesson.Id} has no program (lessons/{lesson.Slug}/run) in this copy";
        return null;
    }

    private static bool LooksLikePath(string word, bool inCommand) =>
        (inCommand ? AnyPathPrefixes : LearnerPathPrefixes).Any(p => word.StartsWith(p, StringComparison.Ordinal)) && !IsPlaceholder(word);

    /// <summary>NN, NAME, FILE, &lt;port&gt;, S: the README's way of saying "fill this in".</summary>
    private static bool IsPlaceholder(string word) =>
        word.Contains("NN", StringComparison.Ordinal) || word.Contains('<') || word.Contains('*') || word.Contains('…') || word.Contains("slug", StringComparison.Ordinal)
        || (word.Length > 0 && word.All(c => char.IsAsciiLetterUpper(c) || c == '_'));

    /// <summary>A command's words, as a shell splits them (quotes removed), up to a comment.</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in command)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else word.Append(c);
                continue;
            }
            if (c is '\'' or '"') { quote = c; inWord = true; continue; }
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            if (c == '#' && !inWord) break;
            word.Append(c);
            inWord = true;
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
