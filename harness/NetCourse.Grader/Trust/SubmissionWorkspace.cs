using NetCourse.Grader.Building;
using NetCourse.Grader.Course;

namespace NetCourse.Grader.Trust;

/// <summary>Something in a submission that trusted grading did not use, and why.</summary>
/// <param name="Rejects">true when the submission cannot be graded at all because of it (a link,
/// a device, too many or too large files): the grade is then an error with no points.</param>
public sealed record SubmissionProblem(string Path, string Reason, bool Rejects);

/// <summary>
/// Grading a submission with trusted tests: a course staged in a fresh temporary folder (never
/// inside the trusted checkout, never beside its solutions/) from this checkout's build files,
/// harness, API gate and lesson tests, with only the learner's source files taken from the
/// submission: regular <c>*.cs</c> files under <c>lessons/&lt;slug&gt;/src</c>, checked with lstat
/// (no link is followed, no device or pipe is opened), counted and size-capped. The project file and
/// <c>src/Given/</c> are the course's. Everything else the submission carries is listed as a
/// <see cref="SubmissionProblem"/> and not used; the staged trusted files are recorded by hash in
/// <see cref="Manifest"/> so they can be checked again right before they compile and run.
/// </summary>
public sealed class SubmissionWorkspace : IDisposable
{
    public const int MaxSourceFiles = 200;
    public const long MaxSourceFileBytes = 256 * 1024;
    public const long MaxSourceBytes = 2 * 1024 * 1024;

    /// <summary>What a learner may not change: everything the verdict depends on.</summary>
    private static IEnumerable<string> ProtectedPaths(Lesson lesson) =>
    [
        $"lessons/{lesson.Slug}/tests", $"lessons/{lesson.Slug}/src/Given", $"lessons/{lesson.Slug}/{AllowedApisFile}", "harness",
        .. RootFiles, "grade.sh", "grade.ps1", ".github", ".ci",
    ];

    /// <summary>The projects under harness/ that a lesson's build needs (<see cref="BuildInputs.HarnessProjects"/>). Trusted grading stages these.</summary>
    public static IReadOnlyList<string> HarnessProjects => BuildInputs.HarnessProjects;

    /// <summary>The API gate's lists (Directory.Build.targets reads them for every lesson project).</summary>
    public const string BannedApisFolder = "BannedApis";

    /// <summary>A lesson's exceptions to the API gate.</summary>
    public const string AllowedApisFile = "allowed-apis.txt";

    // The build files (one list, in BuildInputs) and the solution file: a submission changes none of them.
    private static readonly string[] RootFiles = [.. BuildInputs.RootFileNames, "NetCourse.sln"];

    public required string Root { get; init; }
    public required IReadOnlyList<SubmissionProblem> Problems { get; init; }
    public required TrustedManifest Manifest { get; init; }

    public bool Rejected => Problems.Any(p => p.Rejects);

    public static SubmissionWorkspace Stage(Lesson lesson, string trustedRoot, string submissionRoot)
    {
        submissionRoot = Path.GetFullPath(submissionRoot);
        var relativeSource = $"lessons/{lesson.Slug}/src";
        if (!Directory.Exists(Path.Combine(submissionRoot, relativeSource)))
            throw new GraderException($"the submission has no {relativeSource} folder ({submissionRoot}).", 2);

        var root = Directory.CreateTempSubdirectory("netcourse-grade-").FullName;
        // The sandbox's unprivileged user reads the staged course; only its .build/ is writable to it.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var manifest = new TrustedManifest();
        void Trusted(string relative)
        {
            var from = Path.Combine(trustedRoot, relative);
            var files = File.Exists(from) ? [from] : FileTree.Files(from);
            foreach (var file in files)
            {
                var rel = Path.GetRelativePath(trustedRoot, file);
                var to = Path.Combine(root, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to, overwrite: true);
                manifest.Add(rel, file);
            }
        }

        foreach (var file in RootFiles) Trusted(file);
        foreach (var project in HarnessProjects) Trusted($"harness/{project}");
        Trusted($"harness/{BannedApisFolder}");
        Trusted($"lessons/{lesson.Slug}/tests");
        Trusted($"lessons/{lesson.Slug}/README.md");
        if (File.Exists(Path.Combine(trustedRoot, "lessons", lesson.Slug, AllowedApisFile))) Trusted($"lessons/{lesson.Slug}/{AllowedApisFile}");
        // The project file and the given code are the course's, like the tests.
        foreach (var project in Directory.EnumerateFiles(Path.Combine(trustedRoot, relativeSource), "*.csproj"))
            Trusted(Path.GetRelativePath(trustedRoot, project));
        if (Directory.Exists(Path.Combine(trustedRoot, relativeSource, "Given"))) Trusted($"{relativeSource}/Given");

        var problems = new List<SubmissionProblem>();
        problems.AddRange(LinksOnTheWay(submissionRoot, relativeSource));
        if (!problems.Any(p => p.Rejects))
            problems.AddRange(CopySources(Path.Combine(submissionRoot, relativeSource), Path.Combine(trustedRoot, relativeSource),
                Path.Combine(root, relativeSource), relativeSource));
        problems.AddRange(ProtectedPaths(lesson)
            .SelectMany(path => Compare(Path.Combine(trustedRoot, path), Path.Combine(submissionRoot, path), path))
            .Select(path => new SubmissionProblem(path, "changes a file the grade depends on (the course's copy was used)", Rejects: false)));
        return new SubmissionWorkspace { Root = root, Problems = problems.DistinctBy(p => p.Path).ToList(), Manifest = manifest };
    }

    /// <summary>lessons/, lessons/&lt;slug&gt;/ and src/ must be real folders of the submission, not links out of it.</summary>
    private static IEnumerable<SubmissionProblem> LinksOnTheWay(string submissionRoot, string relativeSource)
    {
        var path = submissionRoot;
        foreach (var part in relativeSource.Split('/'))
        {
            path = Path.Combine(path, part);
            var kind = FileKinds.Of(path);
            if (kind != FileKind.Directory)
                yield return new SubmissionProblem(Path.GetRelativePath(submissionRoot, path).Replace('\\', '/'),
                    kind == FileKind.SymbolicLink ? "is a symbolic link: a submission's folders must be its own" : "is not a folder", Rejects: true);
        }
    }

    /// <summary>Copies the learner's source files; returns what was not taken.</summary>
    private static List<SubmissionProblem> CopySources(string from, string trusted, string to, string relativeSource)
    {
        var problems = new List<SubmissionProblem>();
        var count = 0;
        long total = 0;
        var pending = new Stack<string>([from]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(from, entry).Replace('\\', '/');
                var shown = $"{relativeSource}/{relative}";
                var kind = FileKinds.Of(entry);
                if (relative == "Given") { if (kind == FileKind.SymbolicLink) problems.Add(new(shown, "is a symbolic link", Rejects: true)); continue; }
                // Given code is exempt from the API gate (.editorconfig, Directory.Build.targets match
                // ".../src/Given/..."): a folder of that name deeper down would smuggle code past it.
                if (kind == FileKind.Directory && Path.GetFileName(entry) == "Given")
                {
                    problems.Add(new(shown, "is a folder named Given: given code is the course's, so it was not used", Rejects: false));
                    continue;
                }
                switch (kind)
                {
                    case FileKind.SymbolicLink:
                        problems.Add(new(shown, "is a symbolic link (links are never followed)", Rejects: true));
                        break;
                    case FileKind.Directory:
                        pending.Push(entry);
                        break;
                    case FileKind.Regular when entry.EndsWith(".cs", StringComparison.Ordinal):
                        var length = new FileInfo(entry).Length;
                        count++;
                        total += length;
                        if (length > MaxSourceFileBytes) problems.Add(new(shown, $"is larger than {MaxSourceFileBytes / 1024} KiB", Rejects: true));
                        else if (count > MaxSourceFiles) problems.Add(new(shown, $"is past the limit of {MaxSourceFiles} source files", Rejects: true));
                        else if (total > MaxSourceBytes) problems.Add(new(shown, $"is past the limit of {MaxSourceBytes / 1024 / 1024} MiB of source", Rejects: true));
                        else CopyBounded(entry, Path.Combine(to, relative));
                        break;
                    case FileKind.Regular:
                        // A project file identical to the course's is simply the course's; anything else is not used.
                        var course = Path.Combine(trusted, relative);
                        if (!(File.Exists(course) && SameBytes(course, entry)))
                            problems.Add(new(shown, "is not a C# source file (only *.cs files are taken; the course's project file is used)", Rejects: false));
                        break;
                    default:
                        problems.Add(new(shown, "is not a regular file (a device, a pipe or a socket)", Rejects: true));
                        break;
                }
            }
        }
        return problems;
    }

    /// <summary>Copies at most the size limit, whatever the file claims to hold.</summary>
    private static void CopyBounded(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read);
        using var target = new FileStream(to, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while (copied <= MaxSourceFileBytes && (read = source.Read(buffer)) > 0)
        {
            target.Write(buffer, 0, read);
            copied += read;
        }
        if (copied > MaxSourceFileBytes) throw new GraderException($"{from} grew past the size limit while it was copied.");
    }

    private static bool SameBytes(string a, string b) => File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    /// <summary>Files the submission carries under a protected path that are not the course's own
    /// (a file it lacks is not a change: the course's copy is used either way).</summary>
    private static IEnumerable<string> Compare(string trusted, string submitted, string relative)
    {
        var kind = FileKinds.Of(submitted);
        if (kind == FileKind.Missing) return [];
        if (kind != FileKind.Directory)
            return kind == FileKind.Regular && FileKinds.Of(trusted) == FileKind.Regular && SameBytes(trusted, submitted) ? [] : [relative];
        return SubmittedFiles(submitted)
            .Where(rel =>
            {
                var s = Path.Combine(submitted, rel);
                var t = Path.Combine(trusted, rel);
                // A link or a special file is a change and is never read.
                return FileKinds.Of(s) != FileKind.Regular || FileKinds.Of(t) != FileKind.Regular || !SameBytes(t, s);
            })
            .Order(StringComparer.Ordinal)
            .Select(f => $"{relative}/{f.Replace('\\', '/')}");
    }

    private static IEnumerable<string> SubmittedFiles(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                var name = Path.GetFileName(entry);
                if (name is "bin" or "obj" or ".build" or ".git") continue;
                if (FileKinds.Of(entry) == FileKind.Directory) pending.Push(entry);
                else if (!name.Contains(".received.", StringComparison.Ordinal)) yield return Path.GetRelativePath(root, entry);
            }
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
