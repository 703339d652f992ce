using System.Text.RegularExpressions;
using NetCourse.Grader.Course;
using NetCourse.Grader.Running;
using NetCourse.Grader.Trust;

namespace NetCourse.Grader.Building;

public sealed record BuildResult(bool Succeeded, IReadOnlyList<string> Errors, string TestAssemblyPath);

/// <summary>Builds a lesson's tests against one implementation, each into its own output folder.
/// With a sandbox (trusted grading), every build runs inside it, without restoring.</summary>
public sealed partial class LessonBuilder(string repoRoot, ProcessSandbox? sandbox = null)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    public string BuildRoot { get; } = Path.Combine(repoRoot, ".build");

    public async Task<BuildResult> BuildAsync(Lesson lesson, Implementation implementation)
    {
        if (implementation.Kind is ImplementationKind.Mutant or ImplementationKind.Alternative)
            MutantWorkspace.Prepare(lesson, implementation, BuildRoot);

        var (exitCode, output) = await BuildProjectAsync(lesson.TestsProject, implementation.MSBuildProperties);
        var testAssembly = OutputAssembly(lesson.TestsProject, implementation.Pivot);
        var errors = exitCode == 0 ? [] : Diagnostics(output);
        return new BuildResult(exitCode == 0 && File.Exists(testAssembly), errors, testAssembly);
    }

    /// <summary>
    /// Builds one project quietly: a single in-process MSBuild node (faster for these small
    /// graphs, and no node left running after us), only errors in the output.
    /// </summary>
    public Task<(int ExitCode, string Output)> BuildProjectAsync(string project, IEnumerable<string>? properties = null)
    {
        var command = new ProcessCommand("dotnet",
            ["build", project, "-nologo", "-v:q", "-clp:NoSummary;ErrorsOnly", "-nodeReuse:false", "-m:1",
                .. sandbox is null ? Array.Empty<string>() : ["--no-restore"], .. properties ?? []],
            repoRoot, new Dictionary<string, string>());
        if (sandbox is not null) command = sandbox.Wrap(command, SandboxProfile.Build);
        return ChildProcess.RunAsync(command.FileName, command.Arguments, command.WorkingDirectory, BuildTimeout, command.Environment);
    }

    /// <summary>Where Directory.Build.props puts a project's assembly (optionally under an implementation's folder).</summary>
    public string OutputAssembly(string project, string? pivot = null)
    {
        var folder = Path.Combine(BuildRoot, "bin", Path.GetRelativePath(repoRoot, Path.GetDirectoryName(project)!).Replace('\\', '/'));
        return Path.Combine(pivot is null ? folder : Path.Combine(folder, pivot), Path.GetFileNameWithoutExtension(project) + ".dll");
    }

    /// <summary>The compiler's and MSBuild's error lines, once each, with paths relative to the repository.</summary>
    public IReadOnlyList<string> Diagnostics(string output)
    {
        var root = repoRoot.TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        var errors = output.ReplaceLineEndings("\n").Split('\n')
            .Where(l => ErrorLine().IsMatch(l))
            .Select(l => ProjectSuffix().Replace(l.Trim(), ""))
            .Select(l => l.Replace(root, "", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        return errors.Count > 0 ? errors : output.ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0).TakeLast(20).ToList();
    }

    [GeneratedRegex(@":\s+error\s+[A-Z]+\d+:|^\s*error\s|MSBUILD : error")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\s+\[[^\]]+\.csproj(::[^\]]*)?\]$")]
    private static partial Regex ProjectSuffix();
}
