namespace NetCourse.Grader.Course;

/// <summary>
/// Grading a submission with trusted tests: a course checkout staged under .build/submissions/
/// from this (trusted) checkout's build files, harness and lesson tests, with only the learner's
/// <c>lessons/&lt;slug&gt;/src</c> taken from the submission. The submission's own tests, harness,
/// grader and given code (<c>src/Given/</c>, handed over complete) are never built or run; where
/// they differ from the trusted ones, we say so.
/// </summary>
public sealed class SubmissionWorkspace
{
    /// <summary>What a learner may not change: everything the verdict depends on.</summary>
    private static IEnumerable<string> ProtectedPaths(Lesson lesson) =>
    [
        $"lessons/{lesson.Slug}/tests", $"lessons/{lesson.Slug}/src/Given", .. HarnessProjects.Select(p => $"harness/{p}"), "harness/NetCourse.Grader",
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "grade.sh", "grade.ps1",
    ];

    /// <summary>The projects under harness/ that a lesson's build needs: the harness and the library
    /// it builds on, which lesson code may reference too. Trusted grading stages these.</summary>
    public static readonly IReadOnlyList<string> HarnessProjects = ["NetCourse.Harness"];

    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NetCourse.sln"];

    public required string Root { get; init; }
    public required IReadOnlyList<string> TamperedFiles { get; init; }

    public static SubmissionWorkspace Stage(Lesson lesson, string trustedRoot, string submissionRoot)
    {
        var submissionSource = Path.Combine(submissionRoot, "lessons", lesson.Slug, "src");
        if (!Directory.Exists(submissionSource))
            throw new GraderException($"the submission has no lessons/{lesson.Slug}/src folder ({Path.GetFullPath(submissionRoot)}).", 2);

        var root = Path.Combine(trustedRoot, ".build", "submissions", lesson.Slug);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        foreach (var file in RootFiles) File.Copy(Path.Combine(trustedRoot, file), Path.Combine(root, file), overwrite: true);
        foreach (var project in HarnessProjects)
            FileTree.Copy(Path.Combine(trustedRoot, "harness", project), Path.Combine(root, "harness", project));
        FileTree.Copy(lesson.TestsDirectory, Path.Combine(root, "lessons", lesson.Slug, "tests"));
        File.Copy(Path.Combine(lesson.Directory, "README.md"), Path.Combine(root, "lessons", lesson.Slug, "README.md"));
        var stagedSource = Path.Combine(root, "lessons", lesson.Slug, "src");
        FileTree.Copy(submissionSource, stagedSource);
        // The given code is the course's, like the tests: the trusted copy replaces the submission's.
        var stagedGiven = Path.Combine(stagedSource, "Given");
        if (Directory.Exists(stagedGiven)) Directory.Delete(stagedGiven, recursive: true);
        var trustedGiven = Path.Combine(lesson.Directory, "src", "Given");
        if (Directory.Exists(trustedGiven)) FileTree.Copy(trustedGiven, stagedGiven);

        var tampered = ProtectedPaths(lesson)
            .SelectMany(path => Compare(Path.Combine(trustedRoot, path), Path.Combine(submissionRoot, path), path))
            .ToList();
        return new SubmissionWorkspace { Root = root, TamperedFiles = tampered };
    }

    private static IEnumerable<string> Compare(string trusted, string submitted, string relative)
    {
        if (File.Exists(trusted) || File.Exists(submitted))
            return File.Exists(trusted) && File.Exists(submitted) && File.ReadAllBytes(trusted).AsSpan().SequenceEqual(File.ReadAllBytes(submitted))
                ? [] : [relative];
        return FileTree.Differences(trusted, submitted).Select(f => $"{relative}/{f.Replace('\\', '/')}");
    }
}
