using System.Text.Json;
using NetCourse.Grader.Running;

namespace NetCourse.Grader.Checking;

/// <summary>Runs the notebook runner (harness/NetCourse.Notebooks) over every notebook, one verdict each.</summary>
public static class NotebookCheck
{
    public const string ProjectPath = "harness/NetCourse.Notebooks/NetCourse.Notebooks.csproj";

    public static async Task RunAsync(string repoRoot, CheckTally tally, TextWriter output)
    {
        var project = Path.Combine(repoRoot, ProjectPath);
        if (!File.Exists(project)) return;
        tally.Section("notebooks");
        var (exitCode, buildOutput) = await ChildProcess.RunAsync("dotnet",
            ["build", project, "-nologo", "-v:q", "-clp:NoSummary;ErrorsOnly", "-nodeReuse:false", "-m:1"], repoRoot, TimeSpan.FromMinutes(5));
        if (exitCode != 0)
        {
            tally.Record(false, "the notebook runner builds", buildOutput.Split('\n').TakeLast(15));
            return;
        }
        var results = Path.GetTempFileName();
        try
        {
            var runner = Path.Combine(repoRoot, ".build", "bin", "harness", "NetCourse.Notebooks", "NetCourse.Notebooks.dll");
            var (_, runOutput) = await ChildProcess.RunAsync("dotnet", [runner, "check", "--repo", repoRoot, "--results", results],
                repoRoot, TimeSpan.FromMinutes(15));
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
