using System.Text.Json;
using NetCourse.Grader.Building;
using NetCourse.Grader.Running;

namespace NetCourse.Grader.Checking;

/// <summary>Runs the notebook runner (harness/NetCourse.Notebooks): for the self-check, one verdict per notebook.</summary>
public static class NotebookCheck
{
    public const string ProjectPath = "harness/NetCourse.Notebooks/NetCourse.Notebooks.csproj";

    /// <summary>Builds the runner and runs it with <paramref name="arguments"/> (check or update, ...).</summary>
    public static async Task<(int ExitCode, string Output)> RunRunnerAsync(string repoRoot, IEnumerable<string> arguments)
    {
        var builder = new LessonBuilder(repoRoot);
        var project = Path.Combine(repoRoot, ProjectPath);
        var (buildCode, buildOutput, runner) = await builder.BuildAndLocateAsync(project);
        if (buildCode != 0 || runner is null)
            return (buildCode == 0 ? 1 : buildCode, "the notebook runner does not build:\n" + string.Join('\n', builder.Diagnostics(buildOutput)));
        return await ChildProcess.RunAsync("dotnet", [runner, .. arguments, "--repo", repoRoot],
            repoRoot, TimeSpan.FromMinutes(15));
    }

    public static async Task RunAsync(string repoRoot, CheckTally tally)
    {
        if (!File.Exists(Path.Combine(repoRoot, ProjectPath))) return;
        tally.Section("notebooks");
        var results = Path.GetTempFileName();
        try
        {
            var (_, runOutput) = await RunRunnerAsync(repoRoot, ["check", "--results", results]);
            var verdicts = File.ReadAllLines(results).Where(l => l.Trim().Length > 0)
                .Select(l => JsonSerializer.Deserialize<NotebookVerdict>(l, JsonSerializerOptions.Web)!).ToList();
            if (verdicts.Count == 0) tally.Record(false, "the notebooks ran", runOutput.Split('\n').TakeLast(15));
            foreach (var v in verdicts)
                tally.Record(v.Passed, $"{v.Notebook} runs and matches its stored outputs", (v.Message ?? "").Split('\n'));
        }
        finally { File.Delete(results); }
    }

    private sealed record NotebookVerdict(string Notebook, bool Passed, string? Message);
}
