using System.Text.RegularExpressions;
using NetCourse.Grader.Course;

namespace NetCourse.Grader.Checking;

/// <summary>One place where a lesson breaks the course's conventions, and what to do about it.</summary>
public sealed record ConventionProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>What the conventions check reads out of a README: its tasks and the hints under them.</summary>
public sealed record ReadmeOutline(IReadOnlySet<int> Tasks, IReadOnlySet<string> Hints);

/// <summary>
/// The conventions every lesson follows (docs/authoring-a-lesson.md, "The conventions"), checked
/// over the text of its README, its stub and its tests. Pure functions of text, so each rule has
/// its own unit test; <see cref="Record"/> reads a lesson's files and tallies the result.
/// </summary>
public static partial class ConventionsCheck
{
    /// <summary>Prose lines longer than this are wrapped; code blocks and tables are left alone.</summary>
    public const int MaxProseLine = 120;

    /// <summary>The course-wide rule for errors of async members (issue 15), in the same words in
    /// every README before its first task: the tests accept a synchronous throw and a faulted task.</summary>
    public const string AsyncErrorsRule =
        "**Errors of async members.** When this README says that a member returning a `Task` or a " +
        "`ValueTask` throws, it may throw from the call itself or return a task that fails with that " +
        "exception: the tests accept both, so choose either.";

    [GeneratedRegex(@"^# Lesson (\d\d) — \S")] private static partial Regex TitleLine();
    [GeneratedRegex(@"^## Task (\d+) — \S")] private static partial Regex TaskHeading();
    [GeneratedRegex(@"^\*\*Hint (\d+)\.(\d+)\.\*\* \S")] private static partial Regex HintLine();
    [GeneratedRegex(@"\bHint (\d+)\.(\d+)\b")] private static partial Regex HintReference();
    [GeneratedRegex(@"NotImplementedException\(\s*(\$?@?""(?:[^""\\]|\\.)*"")?")] private static partial Regex StubThrow();
    [GeneratedRegex(@"^\$?@?""Task (\d+): \S")] private static partial Regex TaskMessage();
    [GeneratedRegex(@"\bHint\(\s*\$?@?""((?:[^""\\]|\\.)*)""")] private static partial Regex HintAttribute();
    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();

    /// <summary>The README's tasks and hints, for checking what points at them.</summary>
    public static ReadmeOutline Outline(string readme)
    {
        var tasks = new HashSet<int>();
        var hints = new HashSet<string>();
        foreach (var (line, _) in OutsideCode(readme))
        {
            if (TaskHeading().Match(line) is { Success: true } task) tasks.Add(int.Parse(task.Groups[1].Value));
            if (HintLine().Match(line) is { Success: true } hint) hints.Add($"{hint.Groups[1].Value}.{hint.Groups[2].Value}");
        }
        return new ReadmeOutline(tasks, hints);
    }

    /// <summary>The README rules: title line, tasks in order each with a statement before its hints,
    /// hints numbered N.M in their task, references that resolve, Running then Try it, short prose lines.</summary>
    public static IReadOnlyList<ConventionProblem> Readme(string file, string text, int lessonNumber)
    {
        var problems = new List<ConventionProblem>();
        void Problem(int line, string message) => problems.Add(new ConventionProblem(file, line, message));
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (!(TitleLine().Match(lines[0]) is { Success: true } title && int.Parse(title.Groups[1].Value) == lessonNumber))
            Problem(1, $"the first line must be \"# Lesson {lessonNumber:00} — Title\" (the grader shows it).");

        var outline = Outline(text);
        int task = 0, nextHint = 1, taskLine = 0, lastTaskLine = 0, runningLine = 0, tryItLine = 0, firstTaskLine = 0;
        var stated = true;
        foreach (var (line, number) in OutsideCode(text))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (task > 0 && !stated) Problem(taskLine, $"Task {task} has no statement of what to build: write it under the heading.");
                stated = true;
                if (TaskHeading().Match(line) is { Success: true } heading)
                {
                    var n = int.Parse(heading.Groups[1].Value);
                    if (n != Math.Abs(task) + 1) Problem(number, $"this is Task {n}, but the task before it is Task {Math.Abs(task)}: number the tasks 1, 2, 3… in order.");
                    if (runningLine > 0) Problem(number, "a task comes after \"## Running\": the tasks come first, then Running, then Try it.");
                    task = n; nextHint = 1; taskLine = lastTaskLine = number; stated = false;
                    if (firstTaskLine == 0) firstTaskLine = number;
                    continue;
                }
                if (line.StartsWith("## Task", StringComparison.Ordinal))
                    Problem(number, "a task heading is \"## Task N — What to build\" (an em dash between).");
                if (line == "## Running") runningLine = number;
                if (line == "## Try it") tryItLine = number;
                task = -Math.Abs(task); // outside a task section until the next task heading
                continue;
            }

            var prose = line;
            if (line.StartsWith("**Hint", StringComparison.Ordinal))
            {
                var close = line.IndexOf("**", 2, StringComparison.Ordinal);
                prose = close < 0 ? "" : line[(close + 2)..];
                if (HintLine().Match(line) is not { Success: true } hint)
                    Problem(number, "a hint starts \"**Hint N.M.** \" (task number, hint number, a full stop inside the bold).");
                else
                {
                    var (n, m) = (int.Parse(hint.Groups[1].Value), int.Parse(hint.Groups[2].Value));
                    if (task <= 0) Problem(number, "a hint stands outside any task: move it under its \"## Task N — …\" heading.");
                    else if (n != task || m != nextHint)
                        Problem(number, $"this hint is {n}.{m}, but under Task {task} the next one is Hint {task}.{nextHint}.");
                    else nextHint = m + 1;
                    if (task > 0 && !stated)
                        Problem(taskLine, $"Task {task} has hints but no statement of what to build: write it between the heading and Hint {task}.1.");
                    stated = true;
                }
            }
            else if (line.Trim().Length > 0) stated = true;

            foreach (Match reference in HintReference().Matches(prose))
            {
                var id = $"{reference.Groups[1].Value}.{reference.Groups[2].Value}";
                if (!outline.Hints.Contains(id)) Problem(number, $"\"Hint {id}\" names no hint of this README: point it at one that exists.");
            }

            if (line.Length > MaxProseLine && !line.TrimStart().StartsWith('|'))
                Problem(number, $"this line is {line.Length} characters: wrap prose at {MaxProseLine}.");
        }
        if (task > 0 && !stated) Problem(taskLine, $"Task {task} has no statement of what to build: write it under the heading.");
        if (outline.Tasks.Count == 0) Problem(1, "the README has no \"## Task 1 — …\": every lesson is tasks in the order to build them.");
        var beforeTasks = lines.TakeWhile(l => !TaskHeading().IsMatch(l));
        if (!Whitespace().Replace(string.Join(' ', beforeTasks), " ").Contains(AsyncErrorsRule, StringComparison.Ordinal))
            Problem(firstTaskLine == 0 ? 1 : firstTaskLine,
                $"the README does not state the course's rule for errors of async members before its first task: write, in these words, {AsyncErrorsRule}");
        if (runningLine == 0) Problem(lines.Length, "the README has no \"## Running\" section after its tasks (how to grade, what a first run shows).");
        if (tryItLine == 0) Problem(lines.Length, "the README has no \"## Try it\" section after Running (the lesson's program, `./grade.sh lessonNN --run`).");
        else if (tryItLine < runningLine) Problem(tryItLine, "\"## Try it\" comes after \"## Running\".");
        if (runningLine > 0 && runningLine < lastTaskLine) Problem(runningLine, "\"## Running\" comes after the last task.");
        return problems;
    }

    /// <summary>Every NotImplementedException of the stub says which README task builds the member.</summary>
    public static IReadOnlyList<ConventionProblem> Stub(string file, string text, ReadmeOutline outline)
    {
        var problems = new List<ConventionProblem>();
        foreach (Match thrown in StubThrow().Matches(text))
        {
            var line = LineOf(text, thrown.Index);
            var message = thrown.Groups[1];
            if (!message.Success || TaskMessage().Match(message.Value) is not { Success: true } task)
                problems.Add(new ConventionProblem(file, line,
                    "the NotImplementedException's message starts \"Task N: \" and says in one sentence what to build."));
            else if (!outline.Tasks.Contains(int.Parse(task.Groups[1].Value)))
                problems.Add(new ConventionProblem(file, line, $"the message names Task {task.Groups[1].Value}, which the README does not have."));
        }
        return problems;
    }

    /// <summary>Every "Hint N.M" a test's [Hint] names is a hint of the README.</summary>
    public static IReadOnlyList<ConventionProblem> TestHints(string file, string text, ReadmeOutline outline)
    {
        var problems = new List<ConventionProblem>();
        foreach (Match attribute in HintAttribute().Matches(text))
            foreach (Match reference in HintReference().Matches(attribute.Groups[1].Value))
            {
                var id = $"{reference.Groups[1].Value}.{reference.Groups[2].Value}";
                if (!outline.Hints.Contains(id))
                    problems.Add(new ConventionProblem(file, LineOf(text, attribute.Index),
                        $"the [Hint] says \"Hint {id}\", which the README does not have: point it at an existing hint."));
            }
        return problems;
    }

    /// <summary>Every convention problem of one lesson, with paths relative to the course root.</summary>
    public static IReadOnlyList<ConventionProblem> Lesson(Lesson lesson)
    {
        string Relative(string path) => Path.GetRelativePath(lesson.RepoRoot, path).Replace('\\', '/');
        var readmePath = Path.Combine(lesson.Directory, "README.md");
        if (!File.Exists(readmePath)) return [new ConventionProblem(Relative(readmePath), 1, "the lesson has no README.md.")];
        var readme = File.ReadAllText(readmePath);
        var outline = Outline(readme);
        var problems = new List<ConventionProblem>(Readme(Relative(readmePath), readme, lesson.Number));
        foreach (var source in CSharpFiles(lesson.SourceDirectory, skipGiven: true))
            problems.AddRange(Stub(Relative(source), File.ReadAllText(source), outline));
        foreach (var test in CSharpFiles(lesson.TestsDirectory, skipGiven: false))
            problems.AddRange(TestHints(Relative(test), File.ReadAllText(test), outline));
        return problems;
    }

    /// <summary>The self-check's verdict for one lesson.</summary>
    public static void Record(Lesson lesson, CheckTally tally)
    {
        var problems = Lesson(lesson);
        tally.Record(problems.Count == 0, "the README, stub and hints follow the course's conventions",
            problems.Select(p => p.ToString()));
    }

    private static IEnumerable<string> CSharpFiles(string folder, bool skipGiven) =>
        !Directory.Exists(folder) ? [] :
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(folder, f).Replace('\\', '/').Split('/') is var parts
                && !parts.Contains("bin") && !parts.Contains("obj") && !(skipGiven && parts[0] == "Given"))
            .Order(StringComparer.Ordinal);

    /// <summary>The lines outside fenced code blocks, with their 1-based numbers.</summary>
    private static IEnumerable<(string Line, int Number)> OutsideCode(string text)
    {
        var inCode = false;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal)) { inCode = !inCode; continue; }
            if (!inCode) yield return (lines[i], i + 1);
        }
    }

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');
}
