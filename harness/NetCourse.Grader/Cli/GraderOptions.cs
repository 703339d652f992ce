namespace NetCourse.Grader.Cli;

public enum GraderMode { Progress, Lesson, Check, Notebooks, ExportLearner, Help, Run }

public enum ReportFormat { Text, Json, JUnit }

/// <summary>The grader's command line, parsed by hand (it is small, and its errors must be plain).</summary>
public sealed record GraderOptions
{
    public GraderMode Mode { get; init; } = GraderMode.Progress;
    public IReadOnlyList<string> Lessons { get; init; } = [];
    public bool Solution { get; init; }
    public string? Mutant { get; init; }
    public string? Alternative { get; init; }
    public long? Seed { get; init; }
    public IReadOnlyList<string> Only { get; init; } = [];
    public bool Update { get; init; }
    public ReportFormat Format { get; init; } = ReportFormat.Text;
    public string? OutputFile { get; init; }
    public string? Submission { get; init; }
    public string? ExportDirectory { get; init; }
    public bool Watch { get; init; }
    /// <summary>The overview grades every lesson again, trusting nothing it remembers.</summary>
    public bool Fresh { get; init; }
    /// <summary>What follows <c>--run</c>: the lesson program's own arguments.</summary>
    public IReadOnlyList<string>? RunArguments { get; init; }

    // The usage text as (arguments, description) rows: rendered under the shim's own name, so the
    // descriptions line up whether it is grade.sh or grade.ps1. A description may run on over
    // several lines; arguments too long for their column put the description on the next line.
    private static readonly (string Arguments, string[] Description)[] Commands =
    [
        ("", ["your progress over every lesson (a lesson not changed since", "its last grade is not graded again)"]),
        ("--fresh", ["the overview, grading every lesson again"]),
        ("LESSON", ["grade your code for one lesson (lesson05, 5, 05 or framing)"]),
        ("LESSON --seed S", ["rerun with the seed a failing test printed"]),
        ("LESSON --only TEXT", ["run only the tests whose name contains TEXT"]),
        ("LESSON --solution", ["run the tests against the reference solution"]),
        ("LESSON --mutant NAME", ["run the tests against one of the solution's mutants"]),
        ("LESSON --alternative NAME", ["run the tests against one of the solution's alternatives", "(another correct design: every test must pass)"]),
        ("LESSON --format json|junit [--output FILE]", ["results for machines (autograders, CI test reporters)"]),
        ("LESSON --watch", ["grade again on every save, showing the first thing to fix"]),
        ("LESSON --run [ARGS]", ["start the lesson's program on loopback with your code (--solution:", "the reference), to try with nc, socat, a browser; --run --help", "lists its ARGS (--port P and more); Ctrl+C stops it"]),
        ("LESSON --submission DIR", ["grade DIR's lessons/LESSON/src with this checkout's tests,", "harness and grader (CI's trusted grading of a pull request)"]),
        ("--export-learner DIR", ["write the learner's copy of the course (no solutions) to DIR"]),
        ("--check [LESSON...]", ["the course self-check (every lesson, the harness, the notebooks);", "with --update it rewrites each lesson's untouched-stub.json"]),
        ("--notebooks [--update]", ["run the notebooks and compare (or refresh) their stored outputs"]),
        ("--help", ["this text"]),
    ];

    /// <summary>Width of the arguments column: "grade.sh LESSON --mutant NAME" and two spaces.</summary>
    private const int ArgumentsWidth = 22;

    /// <summary>The usage text, with <paramref name="shim"/> (grade.sh, grade.ps1) as the command's name.</summary>
    public static string Usage(string shim = "grade.sh")
    {
        var text = new System.Text.StringBuilder("Usage:\n");
        var column = new string(' ', 2 + shim.Length + 1 + ArgumentsWidth);
        foreach (var (arguments, description) in Commands)
        {
            var command = $"  {shim} {arguments}";
            var lines = description.AsEnumerable();
            if (arguments.Length <= ArgumentsWidth - 2)
            {
                text.Append(command.PadRight(column.Length)).Append(description[0]).Append('\n');
                lines = lines.Skip(1);
            }
            else
            {
                text.Append(command).Append('\n');
            }
            foreach (var line in lines) text.Append(column).Append(line).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <exception cref="GraderException">with exit code 2 when the command line is wrong.</exception>
    public static GraderOptions Parse(IReadOnlyList<string> args)
    {
        var options = new GraderOptions();
        var lessons = new List<string>();
        var only = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new GraderException($"{arg} needs a value.", 2);
            switch (arg)
            {
                case "-h" or "--help": return options with { Mode = GraderMode.Help };
                case "--run":
                    // Everything after --run is the program's, but for --solution (a grader option, for class demos).
                    var rest = args.Skip(i + 1).ToList();
                    if (rest.Remove("--solution")) options = options with { Solution = true };
                    options = options with { Mode = GraderMode.Run, RunArguments = rest };
                    i = args.Count;
                    break;
                case "--check": options = options with { Mode = GraderMode.Check }; break;
                case "--notebooks": options = options with { Mode = GraderMode.Notebooks }; break;
                case "--update": options = options with { Update = true }; break;
                case "--solution": options = options with { Solution = true }; break;
                case "--mutant": options = options with { Mutant = Value() }; break;
                case "--alternative": options = options with { Alternative = Value() }; break;
                case "--only": only.Add(Value()); break;
                case "--watch": options = options with { Watch = true }; break;
                case "--fresh": options = options with { Fresh = true }; break;
                case "--submission": options = options with { Submission = Value() }; break;
                case "--export-learner": options = options with { Mode = GraderMode.ExportLearner, ExportDirectory = Value() }; break;
                case "--output": options = options with { OutputFile = Value() }; break;
                case "--format":
                    var format = Value();
                    options = options with
                    {
                        Format = format.ToLowerInvariant() switch
                        {
                            "text" => ReportFormat.Text,
                            "json" => ReportFormat.Json,
                            "junit" => ReportFormat.JUnit,
                            _ => throw new GraderException($"--format is text, json or junit, not '{format}'.", 2),
                        },
                    };
                    break;
                case "--seed":
                    var text = Value();
                    options = options with { Seed = long.TryParse(text, out var seed) ? seed : throw new GraderException($"--seed takes a whole number, not '{text}'.", 2) };
                    break;
                default:
                    if (arg.StartsWith('-')) throw new GraderException($"unknown option '{arg}'.", 2);
                    lessons.Add(arg);
                    break;
            }
        }
        options = options with { Lessons = lessons, Only = only };
        if (options.Mode == GraderMode.Progress && lessons.Count > 0) options = options with { Mode = GraderMode.Lesson };
        if (options.Mode == GraderMode.Run) ValidateRun(options);
        Validate(options);
        return options;
    }

    private static void ValidateRun(GraderOptions o)
    {
        if (o.Lessons.Count != 1) throw new GraderException("--run starts one lesson's program: grade.sh lesson06 --run.", 2);
        if (o.Mutant is not null || o.Seed is not null || o.Only.Count > 0 || o.Format != ReportFormat.Text || o.OutputFile is not null || o.Watch || o.Submission is not null)
            throw new GraderException("--run goes with --solution only; put the program's own options after --run.", 2);
    }

    private static void Validate(GraderOptions o)
    {
        if (new[] { o.Solution, o.Mutant is not null, o.Alternative is not null }.Count(chosen => chosen) > 1)
            throw new GraderException("choose one of --solution, --mutant and --alternative.", 2);
        if (o.Mode == GraderMode.Lesson && o.Lessons.Count > 1) throw new GraderException($"grade one lesson at a time (got {string.Join(", ", o.Lessons)}).", 2);
        var needsLesson = o.Solution || o.Mutant is not null || o.Alternative is not null || o.Seed is not null || o.Only.Count > 0 || o.Format != ReportFormat.Text
            || o.OutputFile is not null || o.Watch || o.Submission is not null;
        if (needsLesson && o.Mode is not (GraderMode.Lesson or GraderMode.Run)) throw new GraderException("--solution, --mutant, --alternative, --seed, --only, --format, --output, --watch and --submission need a lesson, e.g. grade.sh lesson01 --solution.", 2);
        if (o.Submission is not null && (o.Solution || o.Mutant is not null || o.Alternative is not null)) throw new GraderException("--submission grades a learner's code; it does not go with --solution, --mutant or --alternative.", 2);
        if (o.Watch && (o.Format != ReportFormat.Text || o.Submission is not null)) throw new GraderException("--watch is for a person at a terminal: it does not go with --format or --submission.", 2);
        if (o.Mode == GraderMode.ExportLearner && o.Lessons.Count > 0) throw new GraderException("--export-learner takes a folder, not a lesson.", 2);
        if (o.Update && o.Mode is not (GraderMode.Notebooks or GraderMode.Check)) throw new GraderException("--update goes with --notebooks or --check.", 2);
        if (o.Fresh && o.Mode != GraderMode.Progress) throw new GraderException("--fresh goes with the overview alone: grade.sh --fresh.", 2);
        if (o.Mode == GraderMode.Notebooks && o.Lessons.Count > 0) throw new GraderException("--notebooks takes no lesson.", 2);
    }
}
