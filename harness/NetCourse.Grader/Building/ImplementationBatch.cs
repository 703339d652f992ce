using System.Security;
using NetCourse.Grader.Running;

namespace NetCourse.Grader.Building;

/// <summary>
/// Builds many implementation projects (a lesson's stub, mutants and alternatives) in one MSBuild
/// process, two at a time: MSBuild's start-up and evaluation of the shared imports cost more than
/// compiling one small project, so a lesson with twenty mutants saves most of its build time.
/// A project that fails is simply absent from the answer (its caller builds it alone for the errors).
/// </summary>
public static class ImplementationBatch
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public static async Task<IReadOnlyDictionary<string, ImplementationBuild>> BuildAsync(string repoRoot, string buildRoot, IReadOnlyList<string> projects)
    {
        if (projects.Count == 0) return new Dictionary<string, ImplementationBuild>();
        Directory.CreateDirectory(buildRoot);
        var batch = Path.Combine(buildRoot, $"implementations-{Guid.NewGuid():N}.proj");
        await File.WriteAllTextAsync(batch, Project(projects));
        try
        {
            var (_, output) = await ChildProcess.RunAsync("dotnet",
                ["msbuild", batch, "-restore", "-t:Build", "-getTargetResult:Build", "-nologo", "-v:q", "-clp:NoSummary;ErrorsOnly",
                 "-nodeReuse:false", "-m:2"], repoRoot, Timeout, new Dictionary<string, string>());
            return Parse(output);
        }
        finally { File.Delete(batch); }
    }

    private static string Project(IReadOnlyList<string> projects)
    {
        var items = string.Concat(projects.Select(p => $"    <Implementation Include=\"{SecurityElement.Escape(p)}\" />\n"));
        return $"""
            <Project>
              <ItemGroup>
            {items}  </ItemGroup>
              <Target Name="Restore">
                <MSBuild Projects="@(Implementation)" Targets="Restore" BuildInParallel="false" />
              </Target>
              <Target Name="Build" Returns="@(Built)">
                <MSBuild Projects="@(Implementation)" Targets="Build" BuildInParallel="true" ContinueOnError="true">
                  <Output TaskParameter="TargetOutputs" ItemName="Built" />
                </MSBuild>
              </Target>
            </Project>
            """;
    }

    /// <summary>Reads MSBuild's -getTargetResult answer: one item per built project, with its reference assembly.</summary>
    private static Dictionary<string, ImplementationBuild> Parse(string output)
    {
        var built = new Dictionary<string, ImplementationBuild>(StringComparer.Ordinal);
        // No answer: nothing trusted, every project is built alone.
        foreach (var item in MSBuildAnswer.Find(output)?.TargetItems("Build") ?? [])
        {
            if (item.TryGetValue("MSBuildSourceProjectFile", out var project) && item.TryGetValue("Identity", out var assembly) && File.Exists(assembly))
                built[Path.GetFullPath(project)] = new ImplementationBuild(true, [], assembly);
        }
        return built;
    }
}
