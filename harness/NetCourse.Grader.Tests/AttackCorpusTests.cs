using System.Security.Cryptography;
using NetCourse.Grader.Trust;
using NetCourse.Harness.Snapshots;

namespace NetCourse.Grader.Tests;

/// <summary>
/// The attack corpus: submissions written to forge a grade, each graded with <c>--submission</c>
/// against the fixture course and compared with its golden report
/// (AttackCorpusTests.Attack_NAME.verified.txt). Every one must earn no point, leave
/// the trusted checkout as it was, and end in bounded time. The fixture's stub implements nothing,
/// so any point an attack earned would be forged. Without the sandbox (not Linux, no bubblewrap)
/// the tests are skipped with the reason, and fail where NETCOURSE_REQUIRE_SANDBOX=1 (.ci/run).
/// </summary>
[TimeLimit(300)]
[NonParallelizable]
public class AttackCorpusTests
{
    private TempCourse _course = null!;

    [OneTimeSetUp]
    public async Task CreateCourse()
    {
        Environment.SetEnvironmentVariable("NETCOURSE_SHIM", "./grade.sh");
        _course = new TempCourse();
        // The reference solution beside the course: attacks that compile it must not reach it.
        FileTree(Path.Combine(_course.Root, "solutions", "lesson01-demo", "src")).ShouldNotBeEmpty();
        var (_, unavailable) = await ProcessSandbox.TryCreateAsync(_course.Root);
        _sandboxUnavailable = unavailable;
    }

    private string? _sandboxUnavailable;

    [OneTimeTearDown]
    public void DeleteCourse() => _course.Dispose();

    private void RequireSandbox() => SandboxRequirement.Check(_sandboxUnavailable);

    /// <summary>Stopped by the API gate: they do not compile, in trusted grading as in the learner's own.</summary>
    [TestCase("module-initializer-forges-events")]
    [TestCase("reflection-replaces-listener")]
    [TestCase("pragma-hides-reflection")]
    [TestCase("generated-file-hides-reflection")]
    [TestCase("dynamic-reaches-members")]
    [TestCase("unsafe-reads-memory")]
    [TestCase("pinvoke-writes-stdout")]
    [TestCase("fork-bomb")]
    [TestCase("reads-secrets")]
    [TestCase("unsafe-accessor")]
    [TestCase("nested-given-skips-the-gate")]
    public async Task Code_that_uses_a_banned_API_earns_nothing(string attack)
    {
        RequireSandbox();
        using var submission = new AttackSubmission(_course).With(attack, _course);
        await GradeAndMatchAsync(submission, attack);
    }

    /// <summary>Stopped by staging: links, special files and oversized sources are never read, and the grade is an error.</summary>
    [TestCase("symlinked-src")]
    [TestCase("symlink-to-dev-zero")]
    [TestCase("symlink-to-base-checkout-file")]
    [TestCase("named-pipe-source")]
    [TestCase("oversized-source")]
    [TestCase("too-many-sources")]
    public async Task A_submission_that_is_not_plain_source_files_earns_nothing(string attack)
    {
        RequireSandbox();
        using var submission = new AttackSubmission(_course);
        var source = submission.Source;
        switch (attack)
        {
            case "symlinked-src":
                Directory.Delete(source, recursive: true);
                Directory.CreateSymbolicLink(source, Path.Combine(_course.Root, "solutions", "lesson01-demo", "src"));
                break;
            case "symlink-to-dev-zero":
                File.CreateSymbolicLink(Path.Combine(source, "Huge.cs"), "/dev/zero");
                break;
            case "symlink-to-base-checkout-file":
                File.CreateSymbolicLink(Path.Combine(source, "Config.cs"), Path.Combine(_course.Root, "Directory.Build.props"));
                break;
            case "named-pipe-source":
                var (exit, output) = await Running.ChildProcess.RunAsync("mkfifo", [Path.Combine(source, "Pipe.cs")], source, TimeSpan.FromSeconds(10));
                exit.ShouldBe(0, output);
                break;
            case "oversized-source":
                File.WriteAllText(Path.Combine(source, "Huge.cs"), "// " + new string('x', (int)SubmissionWorkspace.MaxSourceFileBytes) + "\n");
                break;
            case "too-many-sources":
                for (var i = 0; i <= SubmissionWorkspace.MaxSourceFiles; i++)
                    File.WriteAllText(Path.Combine(source, $"Extra{i:000}.cs"), $"namespace NetCourse.Lesson01;\ninternal static class Extra{i:000} {{ }}\n");
                break;
        }
        await GradeAndMatchAsync(submission, attack);
    }

    /// <summary>Stopped by taking only *.cs files: the submission's build files never run.</summary>
    [Test]
    public async Task Build_files_in_the_submission_never_run()
    {
        RequireSandbox();
        var canary = "/tmp/netcourse-attack-canary-build.txt";
        File.Delete(canary);
        using var submission = new AttackSubmission(_course).With("build-files-in-src", _course);

        await GradeAndMatchAsync(submission, "build-files-in-src");

        File.Exists(canary).ShouldBeFalse("a build file of the submission ran");
    }

    /// <summary>Stopped by the sandbox: no write reaches the trusted checkout, the grader's environment
    /// is not there to read, nothing leaves loopback, a 10 GB allocation fails, console lines are not events.</summary>
    [Test]
    public async Task Hostile_code_at_run_time_is_contained_by_the_sandbox()
    {
        RequireSandbox();
        const string secret = "netcourse-secret-that-must-not-leak";
        Environment.SetEnvironmentVariable("GITHUB_TOKEN", secret);
        try
        {
            using var submission = new AttackSubmission(_course).With("runtime/hostile-runtime", _course);

            var json = await GradeAndMatchAsync(submission, "hostile-runtime");

            File.ReadAllText(json).ShouldNotContain(secret);
            File.ReadAllText(json).ShouldContain("connect: failed: SocketException: Network is unreachable",
                customMessage: "the connection outside loopback must fail at once, inside the sandbox, with nothing sent");
            File.ReadAllText(json).ShouldContain("allocate: failed: OutOfMemoryException");
            File.Exists(Path.Combine(_course.Root, "attack-canary.txt")).ShouldBeFalse();
        }
        finally { Environment.SetEnvironmentVariable("GITHUB_TOKEN", null); }
    }

    /// <summary>Stopped by the sandbox's user, who may not open the grader's pipe.</summary>
    [Test]
    public async Task Events_forged_onto_the_channel_never_reach_the_grader()
    {
        RequireSandbox();
        using var submission = new AttackSubmission(_course).With("runtime/forges-event-channel", _course);
        await GradeAndMatchAsync(submission, "forges-event-channel");
    }

    /// <summary>Stopped by the event protocol, where the channel can be opened (a learner's own
    /// grading, no sandbox): lines without the run's signature make the whole run an error.</summary>
    [Test]
    public async Task Events_forged_onto_the_channel_in_local_grading_make_the_run_an_error()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("the attack opens /proc/self/fd/1, which only Linux has");
        var stub = Path.Combine(_course.Root, "lessons", "lesson01-demo", "src", "Ports.cs");
        var original = File.ReadAllText(stub);
        try
        {
            File.Copy(Path.Combine(AttackSubmission.AttacksDirectory, "runtime", "forges-event-channel.cs"), stub, overwrite: true);
            var json = Path.Combine(_course.Root, "forged.json");

            var (code, _, error) = await _course.GradeAsync("lesson01", "--format", "json", "--output", json);

            var summary = AttackSubmission.Summarize(json, _course.Root, _course.Root);
            summary.ShouldStartWith("status: error\nscore: 0 of", customMessage: error);
            summary.ShouldContain("message: the test process broke the grading protocol");
            code.ShouldNotBe(0);
        }
        finally { File.WriteAllText(stub, original); }
    }

    /// <summary>No sandbox, no grade: without bubblewrap trusted grading refuses, in words and in the JSON.</summary>
    [Test]
    public async Task Without_the_sandbox_trusted_grading_refuses_to_grade()
    {
        using var submission = new AttackSubmission(_course);
        File.Copy(Path.Combine(TempCourse.FixturesDirectory, "submissions", "all-pass.cs"), Path.Combine(submission.Source, "Ports.cs"), overwrite: true);
        var json = Path.Combine(submission.Root, "results.json");
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", "/nonexistent"); // no bwrap to be found
        try
        {
            var (code, _, error) = await _course.GradeAsync("lesson01", "--submission", submission.Root, "--format", "json", "--output", json);

            error.ShouldContain("trusted grading refuses to run without its sandbox");
            AttackSubmission.Summarize(json, _course.Root, submission.Root).ShouldStartWith("status: error\nscore: 0 of");
            code.ShouldNotBe(0);
        }
        finally { Environment.SetEnvironmentVariable("PATH", path); }
    }

    /// <summary>The control: an honest submission is graded as it deserves, inside the sandbox.</summary>
    [Test]
    public async Task An_honest_submission_keeps_its_grade_in_the_sandbox()
    {
        RequireSandbox();
        using var submission = new AttackSubmission(_course);
        File.Copy(Path.Combine(TempCourse.FixturesDirectory, "submissions", "all-pass.cs"), Path.Combine(submission.Source, "Ports.cs"), overwrite: true);

        var json = Path.Combine(submission.Root, "results.json");
        var (code, _, error) = await _course.GradeAsync("lesson01", "--submission", submission.Root, "--format", "json", "--output", json);

        var summary = AttackSubmission.Summarize(json, _course.Root, submission.Root);
        summary.ShouldStartWith("status: pass", customMessage: error);
        summary.ShouldNotContain("not used");
        code.ShouldBe(0);
    }

    /// <summary>Grades the submission, checks that it earned nothing and left the trusted checkout
    /// as it was, and matches its summary with the golden report. Returns the JSON file.</summary>
    private async Task<string> GradeAndMatchAsync(AttackSubmission submission, string attack)
    {
        var before = Fingerprint(_course.Root);
        var json = Path.Combine(submission.Root, "results.json");

        var (code, _, error) = await _course.GradeAsync("lesson01", "--submission", submission.Root, "--format", "json", "--output", json);

        File.Exists(json).ShouldBeTrue($"no results were written: {error}");
        var summary = AttackSubmission.Summarize(json, _course.Root, submission.Root);
        summary.ShouldContain("score: 0 of", customMessage: $"the attack '{attack}' earned points:\n{summary}");
        code.ShouldNotBe(0);
        Fingerprint(_course.Root).ShouldBe(before, "the trusted checkout changed during the grading");
        Snapshot.Match(summary, new SnapshotOptions().Named(attack), member: "Attack");
        return json;
    }

    /// <summary>Every file of the trusted checkout but its build output, by hash.</summary>
    private static string Fingerprint(string root) => string.Join('\n', FileTree(root)
        .Select(f => $"{Path.GetRelativePath(root, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));

    private static IEnumerable<string> FileTree(string root) =>
        Course.FileTree.Files(root).Order(StringComparer.Ordinal);
}
