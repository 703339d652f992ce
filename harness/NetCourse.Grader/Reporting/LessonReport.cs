using NetCourse.Grader.Running;
using NetCourse.Grading.Protocol;

namespace NetCourse.Grader.Reporting;

/// <summary>
/// The learner's report of one lesson: a line per test, grouped by fixture, with the failure
/// message and the hint under each failing test, then the score and what to do next.
/// </summary>
public static class LessonReport
{
    private const int MaxMessageLines = 14;

    public static void Write(LessonRun run, TextWriter output, Styler style, string rerunCommand)
    {
        output.WriteLine(style.Bold($"{run.Lesson.Title}") + style.Dim($"  ·  {run.Implementation}"));
        output.WriteLine();

        foreach (var problem in run.Problems) output.WriteLine(style.Red($"  not used  {problem.Path}: {problem.Reason}"));
        if (run.Problems.Count > 0) output.WriteLine();
        if (run.Error is not null)
        {
            output.WriteLine(style.Red($"Not graded: {run.Error}"));
            output.WriteLine(style.Bold($"0 of {run.PointsPossible} points"));
            return;
        }

        if (!run.Compiled)
        {
            WriteCompileErrors(run, output, style, rerunCommand);
            return;
        }

        // In the README's task order (task 1 first): the order a learner works in, not the alphabet.
        foreach (var fixture in run.Tests.GroupBy(t => t.Fixture).OrderBy(g => g.Min(t => t.Task ?? int.MaxValue)))
        {
            output.WriteLine(fixture.Key);
            foreach (var test in fixture.OrderBy(t => t.Task ?? int.MaxValue)) WriteTest(test, output, style, rerunCommand);
            output.WriteLine();
        }

        var summary = Summary(run);
        output.WriteLine(run.AllPassed ? style.Green($"All done: {summary}.") : style.Bold(summary));
        var next = NextStep(run);
        if (next is not null) output.WriteLine(next);
    }

    /// <summary>The watch mode's view: the score and only the first thing to fix.</summary>
    public static void WriteFocus(LessonRun run, TextWriter output, Styler style, string rerunCommand)
    {
        if (!run.Compiled)
        {
            WriteCompileErrors(run, output, style, rerunCommand);
            return;
        }
        var summary = Summary(run);
        output.WriteLine(run.AllPassed ? style.Green($"All done: {summary}.") : style.Bold(summary));
        var first = FirstToFix(run);
        if (first is null) return;
        output.WriteLine();
        output.WriteLine(first.Fixture);
        WriteTest(first, output, style, rerunCommand);
    }

    private static string Summary(LessonRun run)
    {
        var skipped = run.Tests.Count(t => t.Outcome == TestOutcome.Skipped);
        return $"{run.PassedCount} of {run.Tests.Count} tests pass{(skipped > 0 ? $" ({skipped} skipped)" : "")} · {run.PointsEarned} of {run.PointsPossible} points";
    }

    // A skipped test waits for a program to be installed, not for a fix: it is never "the next step".
    private static TestVerdict? FirstToFix(LessonRun run) =>
        run.Tests.Where(t => !t.Passed && t.Outcome != TestOutcome.Skipped).OrderBy(t => t.Task ?? int.MaxValue).FirstOrDefault();

    private static void WriteTest(TestVerdict test, TextWriter output, Styler style, string rerunCommand)
    {
        var task = test.Task is { } n ? style.Dim($"  (task {n})") : "";
        switch (test.Outcome)
        {
            case TestOutcome.Passed:
                output.WriteLine($"  {style.Green("pass ")} {test.Name}");
                return;
            case TestOutcome.NotStarted:
                output.WriteLine($"  {style.Yellow("todo ")} {test.Name}{task}");
                output.WriteLine($"        not started: {test.NotStarted}");
                return;
            case TestOutcome.Skipped:
                // The reason says what is missing and how to install it (see ExternalTool).
                output.WriteLine($"  {style.Dim("skip ")} {test.Name}{task}");
                if (!string.IsNullOrWhiteSpace(test.Message)) output.WriteLine(style.Dim($"        {MessageLines(test.Message).First()}"));
                return;
            case null:
                output.WriteLine($"  {style.Dim("----- ")} {test.Name}{style.Dim("  (not run)")}");
                return;
        }

        var label = test.Outcome switch
        {
            TestOutcome.TimedOut => "TIME ",
            TestOutcome.Crashed => "CRASH",
            _ => "FAIL ",
        };
        output.WriteLine($"  {style.Red(label)} {test.Name}{task}");
        foreach (var line in MessageLines(test.Message)) output.WriteLine($"        {line}");
        if (test.Hint is not null) output.WriteLine($"        {style.Yellow("hint:")} {test.Hint}");
        if (test.Seed is { } seed) output.WriteLine(style.Dim($"        seed {seed} · rerun with: {rerunCommand} --seed {seed}"));
    }

    private static IEnumerable<string> MessageLines(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return ["(no message)"];
        var lines = message.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        return lines.Length <= MaxMessageLines ? lines : [.. lines.Take(MaxMessageLines), $"… ({lines.Length - MaxMessageLines} more lines)"];
    }

    private static string? NextStep(LessonRun run)
    {
        // The earliest task with work left, whatever order the fixtures ran in.
        var first = FirstToFix(run);
        if (first is null)
        {
            return run.Tests.Any(t => t.Outcome == TestOutcome.Skipped)
                ? "Next: the skipped tests need a program this machine lacks (see the skip lines above); install it and run again to earn their points."
                : null;
        }
        var task = first.Task is { } n ? $"task {n} of the lesson's README" : "the lesson's README";
        return first.Outcome == TestOutcome.NotStarted
            ? $"Next: {task} — start with {first.NotStarted}."
            : $"Next: {task} — make \"{first.Name}\" pass.";
    }

    // Errors by which the compiler says a test uses something the code does not offer (a missing
    // type or member, another signature); any other error inside tests/ is the tests' own.
    private static readonly string[] ApiMismatchCodes =
        ["CS0103", "CS0117", "CS0122", "CS0234", "CS0246", "CS0305", "CS0308", "CS1061", "CS1501", "CS1503", "CS1729", "CS7036", "CS0029", "CS0266", "CS1929"];

    private static bool IsApiMismatch(string error) =>
        ApiMismatchCodes.Any(code => error.Contains($"error {code}:", StringComparison.Ordinal));

    private static void WriteCompileErrors(LessonRun run, TextWriter output, Styler style, string rerunCommand)
    {
        // Say whose code failed, so nobody hunts for a bug in code they did not write.
        string[] Under(string folder) => run.Build.Errors.Where(e => e.Replace('\\', '/').StartsWith(folder, StringComparison.Ordinal)).ToArray();
        var inSource = Under($"lessons/{run.Lesson.Slug}/src/");
        var inTests = Under($"lessons/{run.Lesson.Slug}/tests/");
        var (headline, errors, advice) =
            inSource.Length > 0 ? ("The code does not compile, so no test could run:", inSource, $"Fix the errors above, then run {rerunCommand} again.")
            : inTests.Length > 0 && inTests.Any(IsApiMismatch) ? ("The tests do not compile against the code: a public type or member they use is missing or has changed.", inTests,
                "Keep the public API the stub gave you (names, parameters, return types); add to it freely.")
            : inTests.Length > 0 ? ("The lesson's tests do not compile, and not because of your code's API:", inTests,
                "If you did not edit the tests, update your copy of the course (git pull) or tell your instructor.")
            : run.Build.Errors.Any(e => e.Contains(": error", StringComparison.Ordinal))
                ? ("The course's own code does not compile; this is not a mistake of yours:", run.Build.Errors.ToArray(), "Update your copy of the course (git pull), or tell your instructor.")
                : ("The build failed:", run.Build.Errors.ToArray(), $"Fix the problem above, then run {rerunCommand} again.");
        output.WriteLine(style.Red(headline));
        foreach (var error in errors) output.WriteLine($"  {error}");
        output.WriteLine();
        output.WriteLine(advice);
    }
}
