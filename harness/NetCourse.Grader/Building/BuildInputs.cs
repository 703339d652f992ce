using NetCourse.Grader.Course;

namespace NetCourse.Grader.Building;

/// <summary>
/// What decides a lesson's build besides the implementation's own sources: the hash that lets the
/// grader skip MSBuild when it can prove a build would change nothing.
/// </summary>
public static class BuildInputs
{
    /// <summary>The repository's build files: the output layout, the API gate, the package versions, the SDK pin.
    /// The one list: build stamps hash these, and trusted grading takes them from the trusted checkout.</summary>
    public static readonly IReadOnlyList<string> RootFileNames =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig"];

    /// <summary>
    /// The projects under harness/ every lesson's tests compile with (Directory.Build.targets
    /// references them): the fault-injection harness, the test host and the protocol between the
    /// host and the grader. The one list: trusted grading stages these, and the grader's own tests
    /// copy them into their temporary courses.
    /// </summary>
    public static readonly IReadOnlyList<string> HarnessProjects = ["NetCourse.Grading.Protocol", "NetCourse.Harness", "NetCourse.TestHost"];

    private static readonly string[] RootFolders = [.. HarnessProjects.Select(p => $"harness/{p}"), "harness/BannedApis"];

    /// <summary>The grader's own assembly: a new grader may judge or build the same code differently.</summary>
    public static string GraderIdentity { get; } = ContentHash.OfFile(typeof(BuildInputs).Assembly.Location);

    public static IEnumerable<string> RootFiles(string repoRoot) =>
        RootFileNames.Select(f => Path.Combine(repoRoot, f)).Where(File.Exists);

    /// <summary>
    /// Everything a lesson's tests assembly is compiled from, except the implementation's sources:
    /// the tests, the harness, the build files, the lesson's API allowances, the implementation's
    /// project file and the SDK that builds it.
    /// </summary>
    /// <param name="sdk">the SDK's identity; <see cref="SdkIdentity"/> when not given.</param>
    public static string TestsHash(Lesson lesson, string implementationProject, string? sdk = null)
    {
        var root = lesson.RepoRoot;
        var files = FileTree.Files(lesson.TestsDirectory)
            .Concat(RootFolders.SelectMany(f => FileTree.Files(Path.Combine(root, f))))
            .Concat(RootFiles(root))
            .Concat(new[] { Path.Combine(lesson.Directory, "allowed-apis.txt"), implementationProject }.Where(File.Exists));
        return new ContentHash().Add("sdk", sdk ?? SdkIdentity).AddFiles(root, files).Finish();
    }

    /// <summary>The sources of one implementation (its folder, Given/ included), its project file excepted unless asked for.</summary>
    public static string SourcesHash(string implementationDirectory, bool includeProjects = false) =>
        new ContentHash().AddFiles(implementationDirectory, FileTree.Files(implementationDirectory)
            .Where(f => includeProjects || !f.EndsWith(".csproj", StringComparison.Ordinal))).Finish();

    /// <summary>
    /// The SDKs and runtimes installed beside the dotnet that runs us: a new SDK may compile the same
    /// sources differently, so an update invalidates every remembered build. Read from the folder
    /// names (no process to start).
    /// </summary>
    public static string SdkIdentity { get; } = ComputeSdkIdentity();

    private static string ComputeSdkIdentity()
    {
        var dotnetRoot = Path.GetDirectoryName(Environment.ProcessPath) ?? "";
        var names = new[] { "sdk", "shared/Microsoft.NETCore.App", "shared/Microsoft.AspNetCore.App" }
            .Select(f => Path.Combine(dotnetRoot, f)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories).Select(d => Path.GetRelativePath(dotnetRoot, d))
            .Order(StringComparer.Ordinal);
        return $"{Environment.Version}|{string.Join(',', names)}";
    }
}
