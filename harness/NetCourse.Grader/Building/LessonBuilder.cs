using System.Text.RegularExpressions;
using NetCourse.Grader.Course;
using NetCourse.Grader.Running;
using NetCourse.Grader.Trust;

namespace NetCourse.Grader.Building;

public sealed record BuildResult(bool Succeeded, IReadOnlyList<string> Errors, string TestAssemblyPath)
{
    /// <summary>No tests were compiled: the build was proven unnecessary, or the tests of another implementation with the same reference assembly were reused.</summary>
    public bool Reused { get; init; }

    /// <summary>
    /// The implementation's assembly the tests run with (beside the tests assembly), as MSBuild named
    /// it; null when the grader did not ask (trusted grading, a failed build).
    /// </summary>
    public string? ImplementationAssemblyPath { get; init; }
}

/// <summary>Builds a lesson's tests against one implementation, each into its own output folder.
/// With a sandbox (trusted grading), every build runs inside it, without restoring.</summary>
public sealed partial class LessonBuilder(string repoRoot, ProcessSandbox? sandbox = null)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    public string BuildRoot { get; } = Path.Combine(repoRoot, ".build");

    public async Task<BuildResult> BuildAsync(Lesson lesson, Implementation implementation)
    {
        var project = PrepareImplementation(lesson, implementation);
        // Trusted grading builds everything in the sandbox from scratch: nothing remembered counts there.
        if (sandbox is not null) return await BuildTestsAsync(lesson, implementation);

        var stampFile = StampFile(lesson, implementation);
        // The grader too: a new grader may describe binding surfaces differently.
        var testsHash = new ContentHash().Add("grader", BuildInputs.GraderIdentity).Add("tests", BuildInputs.TestsHash(lesson, project)).Finish();
        var sourcesHash = SourcesHash(lesson, project);
        // Where the tests assembly is, MSBuild said at the last build; the stamp holds it, so a grade with nothing changed runs no MSBuild at all.
        if (BuildStamp.Read(stampFile) is { } stamp && stamp.Tests == testsHash && OutputsHash(stamp.TestsAssembly, stamp.ImplementationFile) == stamp.Outputs)
        {
            var testAssembly = stamp.TestsAssembly;
            var implementationAssembly = Path.Combine(Path.GetDirectoryName(testAssembly)!, stamp.ImplementationFile);
            // Nothing changed since the last build that succeeded: no MSBuild at all.
            if (stamp.Sources == sourcesHash)
                return new BuildResult(true, [], testAssembly) { Reused = true, ImplementationAssemblyPath = implementationAssembly };

            // Only the implementation changed: compile it alone, and if everything the tests were
            // compiled against (its binding surface) is the same, put it under the tests.
            // The project file is part of the tests hash, so its restore is still current.
            var alone = await BuildImplementationAsync(project, restore: false);
            if (!alone.Succeeded) return new BuildResult(false, alone.Errors, testAssembly);
            if (alone.Assembly is not null && BindingHash(alone.Assembly, Path.GetDirectoryName(testAssembly)!) == stamp.Reference)
            {
                TestsFolder.PutImplementation(Path.GetDirectoryName(testAssembly)!, alone.Assembly);
                BuildStamp.Write(stampFile, stamp with { Sources = sourcesHash, Outputs = OutputsHash(testAssembly, stamp.ImplementationFile) });
                return new BuildResult(true, [], testAssembly) { ImplementationAssemblyPath = implementationAssembly };
            }
        }

        BuildStamp.Delete(stampFile);
        var build = await BuildTestsAsync(lesson, implementation);
        var folder = Path.GetDirectoryName(build.TestAssemblyPath);
        if (!build.Succeeded || folder is null || await AssemblyFileNameAsync(project) is not { } fileName) return build;
        var implementationPath = Path.Combine(folder, fileName);
        if (BindingHash(implementationPath, folder) is { } binding)
            BuildStamp.Write(stampFile, new BuildStamp(testsHash, sourcesHash, binding, fileName, OutputsHash(build.TestAssemblyPath, fileName))
                { TestsAssembly = build.TestAssemblyPath });
        return build with { ImplementationAssemblyPath = implementationPath };
    }

    /// <summary>
    /// Builds <paramref name="implementation"/> for tests already compiled against another
    /// implementation (<paramref name="baseline"/>, whose reference assembly hashes to
    /// <paramref name="baselineReference"/>): when the two reference assemblies are identical only the
    /// implementation is compiled and it runs under the baseline's tests assembly, in a folder of its
    /// own; otherwise the tests are compiled against it as usual. The self-check's mutants,
    /// alternatives and stub take this path.
    /// </summary>
    public async Task<BuildResult> BuildAgainstAsync(Lesson lesson, Implementation implementation, BuildResult baseline, string baselineReference)
    {
        if (sandbox is not null || !baseline.Succeeded) return await BuildAsync(lesson, implementation);
        var project = PrepareImplementation(lesson, implementation);
        var alone = _prebuilt.Remove(project, out var prebuilt) ? prebuilt : await BuildImplementationAsync(project, restore: true);
        if (!alone.Succeeded) return new BuildResult(false, alone.Errors, "");
        var baselineFolder = Path.GetDirectoryName(baseline.TestAssemblyPath)!;
        if (alone.Assembly is null || BindingHash(alone.Assembly, baselineFolder) != baselineReference) return await BuildAsync(lesson, implementation);

        // Not under bin/: MSBuild may later overwrite files there in place, and these are hard links.
        var folder = Path.Combine(BuildRoot, "swap", lesson.Slug, implementation.Pivot);
        TestsFolder.Assemble(baselineFolder, folder, alone.Assembly);
        return new BuildResult(true, [], Path.Combine(folder, Path.GetFileName(baseline.TestAssemblyPath)))
            { Reused = true, ImplementationAssemblyPath = Path.Combine(folder, Path.GetFileName(alone.Assembly)) };
    }

    private readonly Dictionary<string, ImplementationBuild> _prebuilt = new(StringComparer.Ordinal);

    /// <summary>
    /// Compiles several implementations of a lesson in one MSBuild process ahead of
    /// <see cref="BuildAgainstAsync"/>, which then takes each from here (one that failed is built alone
    /// again there, for its errors).
    /// </summary>
    public async Task PrebuildAsync(Lesson lesson, IEnumerable<Implementation> implementations)
    {
        if (sandbox is not null) return;
        var projects = new List<string>();
        foreach (var implementation in implementations)
        {
            try { projects.Add(PrepareImplementation(lesson, implementation)); }
            catch (GraderException) { } // a diff that does not apply is reported when that implementation is checked
        }
        foreach (var (project, build) in await ImplementationBatch.BuildAsync(repoRoot, BuildRoot, projects)) _prebuilt[project] = build;
    }

    /// <summary>Whether no build of these tests against <paramref name="implementation"/> has succeeded yet (the next takes longest).</summary>
    public bool NeverBuilt(Lesson lesson, Implementation implementation) => BuildStamp.Read(StampFile(lesson, implementation)) is null;

    /// <summary>The hash of the reference assembly the last successful build compiled the tests against.</summary>
    public string? BaselineReference(Lesson lesson, Implementation implementation) => BuildStamp.Read(StampFile(lesson, implementation))?.Reference;

    private async Task<BuildResult> BuildTestsAsync(Lesson lesson, Implementation implementation)
    {
        var (exitCode, output, testAssembly) = await BuildAndLocateAsync(lesson.TestsProject, implementation.MSBuildProperties);
        var errors = exitCode == 0 ? [] : Diagnostics(output);
        return new BuildResult(exitCode == 0 && File.Exists(testAssembly), errors, testAssembly ?? "");
    }

    /// <summary>Builds a project and asks MSBuild where it put the assembly (null when the build failed or did not say).</summary>
    public async Task<(int ExitCode, string Output, string? Assembly)> BuildAndLocateAsync(string project, IEnumerable<string>? properties = null)
    {
        // With -getProperty, MSBuild builds only when a target is named; two properties make it answer in JSON.
        var (exitCode, output) = await BuildProjectAsync(project, [.. properties ?? [], "-t:Build", "-getProperty:TargetPath", "-getProperty:TargetFileName"]);
        return (exitCode, output, exitCode == 0 ? MSBuildAnswer.Find(output)?.Property("TargetPath") : null);
    }

    /// <summary>The implementation's project file; a mutant's or alternative's is written under .build/mutants/ first.</summary>
    private string PrepareImplementation(Lesson lesson, Implementation implementation)
    {
        var folder = implementation.Kind switch
        {
            ImplementationKind.Stub => lesson.SourceDirectory,
            ImplementationKind.Solution => lesson.SolutionDirectory,
            _ => MutantWorkspace.Prepare(lesson, implementation, BuildRoot),
        };
        return Path.GetFullPath(Directory.EnumerateFiles(folder, "*.csproj").Single());
    }

    /// <summary>The implementation's sources; the solution and its patched copies also compile the lesson's Given/ code by link.</summary>
    private static string SourcesHash(Lesson lesson, string project)
    {
        var folder = Path.GetDirectoryName(project)!;
        var given = Path.Combine(lesson.SourceDirectory, "Given");
        return folder == lesson.SourceDirectory || !Directory.Exists(given)
            ? BuildInputs.SourcesHash(folder)
            : BuildInputs.SourcesHash(folder) + BuildInputs.SourcesHash(given);
    }

    private string StampFile(Lesson lesson, Implementation implementation) =>
        Path.Combine(BuildRoot, "stamps", lesson.Slug, implementation.Pivot + ".json");

    /// <summary>Builds an implementation's project alone and asks MSBuild where it put the assembly.</summary>
    public async Task<ImplementationBuild> BuildImplementationAsync(string project, bool restore)
    {
        var (exitCode, output) = await BuildProjectAsync(project,
            [.. restore ? Array.Empty<string>() : ["--no-restore"], "-t:Build", "-getProperty:TargetPath", "-getProperty:TargetFileName"]);
        if (exitCode != 0) return new ImplementationBuild(false, Diagnostics(output), null);
        return new ImplementationBuild(true, [], MSBuildAnswer.Find(output)?.Property("TargetPath"));
    }

    /// <summary>The file name of a project's assembly (evaluation only, no build).</summary>
    private async Task<string?> AssemblyFileNameAsync(string project)
    {
        var (exitCode, output) = await ChildProcess.RunAsync("dotnet",
            ["msbuild", project, "-nologo", "-getProperty:TargetFileName", "-getProperty:TargetPath"],
            repoRoot, BuildTimeout, new Dictionary<string, string>());
        return exitCode == 0 ? MSBuildAnswer.Find(output)?.Property("TargetFileName") : null;
    }

    /// <summary>
    /// The hash of everything code compiled against the assembly binds to or was shaped by: its
    /// visible API with constants and default values, attributes, modifiers and constraints
    /// (<see cref="Checking.ApiSurface"/>). Private members and compiler-generated types (an async
    /// method's state machine, a lambda's closure) are not part of it, so editing method bodies keeps
    /// it. Null when the assembly cannot be read: then nothing is swapped and the tests are compiled.
    /// </summary>
    private static string? BindingHash(string assembly, string dependencies)
    {
        try
        {
            return new ContentHash().Add("binding", string.Join('\n', Checking.ApiSurface.Describe(assembly, forBinding: true, dependencies))).Finish();
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException or System.Reflection.ReflectionTypeLoadException) { return null; }
    }

    /// <summary>
    /// The tests assembly and the implementation's assembly beside it: a build outside the grader
    /// (dotnet test, an IDE) that rewrote either makes the stamp void rather than trusted.
    /// </summary>
    private static string? OutputsHash(string testAssembly, string implementationFile)
    {
        var implementation = Path.Combine(Path.GetDirectoryName(testAssembly)!, implementationFile);
        return File.Exists(testAssembly) && File.Exists(implementation)
            ? new ContentHash().AddFiles(Path.GetDirectoryName(testAssembly)!, [testAssembly, implementation]).Finish()
            : null;
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
