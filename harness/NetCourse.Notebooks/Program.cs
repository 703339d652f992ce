using NetCourse.Notebooks.Checking;
using NetCourse.Notebooks.Cli;

// The notebook runner's command line; see CommandLine.Usage and notebooks/README.md.
// Exit codes: 0 every notebook passed, 1 a notebook failed, 2 bad usage.

// A cell that reads the console must not wait for a human: it reads end of input at once.
Console.SetIn(TextReader.Null);

CommandLine command;
string repo;
IReadOnlyList<string> notebooks;
try
{
    command = CommandLine.Parse(args);
    repo = NotebookSelection.Repository(command.Repo, Environment.CurrentDirectory);
    notebooks = NotebookSelection.Notebooks(repo, command.Notebooks, Environment.CurrentDirectory);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"notebooks: {e.Message}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (notebooks.Count == 0)
{
    Console.WriteLine($"FAIL no notebooks in {Path.Combine(repo, "notebooks")}");
    return 1;
}

var runner = new NotebookRunner();
var verdicts = new List<Verdict>();
foreach (var notebook in notebooks)
{
    var name = NotebookSelection.DisplayName(repo, notebook);
    var verdict = command.Command == Command.Check
        ? await runner.CheckAsync(notebook, name)
        : await runner.UpdateAsync(notebook, name);
    Report.Print(Console.Out, verdict);
    verdicts.Add(verdict);
}

if (command.ResultsFile is { } results)
    await File.WriteAllLinesAsync(results, verdicts.Select(Report.JsonLine));

var exitCode = verdicts.All(v => v.Passed) ? 0 : 1;
// A cell abandoned after its time limit may still hold a foreground thread: end the process
// rather than wait for it. Console.Out is flushed on exit.
if (verdicts.Any(v => v.LeftACellRunning)) Environment.Exit(exitCode);
return exitCode;
