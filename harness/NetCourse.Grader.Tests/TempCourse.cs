using NetCourse.Grader.Course;
using NetCourse.Grader.Trust;
using System.Runtime.CompilerServices;

namespace NetCourse.Grader.Tests;

/// <summary>
/// A throw-away course checkout for end-to-end runs of the grader: the repository's build
/// files and harness, plus the fixture course (Fixtures/course). Built once per fixture; tests
/// swap the learner's source file in and out.
/// </summary>
internal sealed class TempCourse : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("netcourse-course-").FullName;

    public static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));

    public static string FixturesDirectory => Path.Combine(RepoRoot(), "harness", "NetCourse.Grader.Tests", "Fixtures");

    public TempCourse()
    {
        var repo = RepoRoot();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig" })
            File.Copy(Path.Combine(repo, file), Path.Combine(Root, file));
        FileTree.Copy(Path.Combine(repo, "harness", SubmissionWorkspace.BannedApisFolder), Path.Combine(Root, "harness", SubmissionWorkspace.BannedApisFolder));
        File.WriteAllText(Path.Combine(Root, "NetCourse.sln"), "");
        foreach (var project in SubmissionWorkspace.HarnessProjects)
            FileTree.Copy(Path.Combine(repo, "harness", project), Path.Combine(Root, "harness", project));
        FileTree.Copy(Path.Combine(FixturesDirectory, "course"), Root);
    }

    /// <summary>Puts a submission (Fixtures/submissions/NAME.cs) in the learner's place.</summary>
    public void Submit(string submission) =>
        File.Copy(Path.Combine(FixturesDirectory, "submissions", submission + ".cs"),
            Path.Combine(Root, "lessons", "lesson01-demo", "src", "Ports.cs"), overwrite: true);

    public async Task<(int ExitCode, string Output, string Error)> GradeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await new GraderApp(output, error, Root).RunAsync(args);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A fixture class that grades over one <see cref="TempCourse"/>, created once for all its tests.</summary>
public abstract class TempCourseFixture
{
    internal TempCourse Course { get; private set; } = null!;

    [OneTimeSetUp]
    public void CreateCourse()
    {
        Environment.SetEnvironmentVariable("NETCOURSE_SHIM", "./grade.sh");
        Course = new TempCourse();
    }

    [OneTimeTearDown]
    public void DeleteCourse() => Course.Dispose();
}
