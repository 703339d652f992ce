using NetCourse.Grader.Running;
using NetCourse.Grader.Trust;

namespace NetCourse.Grader.Tests;

/// <summary>
/// What trusted grading's sandbox allows a process, shown with a shell inside it. Skipped where
/// there can be no sandbox (the reason is given), failed then where NETCOURSE_REQUIRE_SANDBOX=1.
/// </summary>
[NonParallelizable]
public class SandboxTests
{
    private string _staged = null!;
    private ProcessSandbox _sandbox = null!;

    [OneTimeSetUp]
    public async Task CreateSandbox()
    {
        _staged = Directory.CreateTempSubdirectory("netcourse-sandbox-test-").FullName;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_staged, (UnixFileMode)0b111_101_101);
        var (sandbox, unavailable) = await ProcessSandbox.TryCreateAsync(_staged);
        SandboxRequirement.Check(unavailable);
        _sandbox = sandbox!;
    }

    [OneTimeTearDown]
    public void DeleteStaged() => Directory.Delete(_staged, recursive: true);

    private async Task<(int ExitCode, string Output)> RunAsync(string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        var command = _sandbox.Wrap(new ProcessCommand("bash", ["-c", script], _staged, environment ?? new Dictionary<string, string>()),
            SandboxProfile.TestRun);
        return await ChildProcess.RunAsync(command.FileName, command.Arguments, command.WorkingDirectory, TimeSpan.FromSeconds(60));
    }

    [Test]
    public async Task The_network_has_only_loopback()
    {
        var (_, output) = await RunAsync("cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '");

        output.Trim().ShouldBe("lo");
    }

    [Test]
    public async Task Loopback_works_inside()
    {
        var (_, output) = await RunAsync("(exec 3<>/dev/tcp/127.0.0.1/9)");

        output.ShouldContain("Connection refused", customMessage: "loopback is up: the port answers with a refusal, not 'unreachable'");
    }

    [Test]
    public async Task A_connection_outside_loopback_fails_at_once()
    {
        // Nothing is sent: in the sandbox's network namespace there is no route at all.
        var (_, output) = await RunAsync("(exec 3<>/dev/tcp/192.0.2.1/80) && echo connected");

        output.ShouldContain("Network is unreachable");
        output.ShouldNotContain("connected\n");
    }

    [Test]
    public async Task The_environment_holds_only_the_variables_the_grader_names()
    {
        Environment.SetEnvironmentVariable("NETCOURSE_TEST_SECRET", "must-not-leak");
        try
        {
            var (_, output) = await RunAsync("env; cat /proc/1/environ", new Dictionary<string, string> { ["NAMED"] = "yes" });

            output.ShouldNotContain("must-not-leak");
            output.ShouldContain("NAMED=yes");
        }
        finally { Environment.SetEnvironmentVariable("NETCOURSE_TEST_SECRET", null); }
    }

    [Test]
    public async Task The_grader_and_its_checkout_are_out_of_sight()
    {
        var (_, output) = await RunAsync($"ls {TempCourse.RepoRoot()} 2>&1; ls /root 2>&1; ps -e -o comm | grep -c dotnet");

        output.ShouldContain("No such file or directory");
        output.ShouldNotContain("NetCourse.sln");
    }

    [Test]
    public async Task The_staged_folder_is_read_only_to_the_tests()
    {
        var (_, output) = await RunAsync("touch ./written 2>&1; echo done");

        output.ShouldContain("Read-only file system");
        File.Exists(Path.Combine(_staged, "written")).ShouldBeFalse();
    }

    [Test]
    public async Task The_process_runs_without_privileges()
    {
        var (_, output) = await RunAsync("id -u; grep CapEff /proc/self/status");

        output.ShouldNotStartWith("0\n");
        output.ShouldContain("CapEff:\t0000000000000000");
    }

    [Test]
    public async Task A_fork_bomb_runs_into_the_process_limit()
    {
        // Bounded: at most 2,000 children, each gone when the sandbox ends (its PID namespace dies with it).
        var (_, output) = await RunAsync("sh -c 'i=0; while [ $i -lt 2000 ]; do sleep 20 & i=$((i+1)); done; echo \"all $i started\"'");

        output.ShouldContain("Cannot fork");
        output.ShouldNotContain("all 2000 started");
    }

    [Test]
    public async Task A_file_cannot_grow_past_the_size_limit()
    {
        var (_, output) = await RunAsync("head -c 300M /dev/zero > /tmp/big; stat -c %s /tmp/big");

        long.Parse(output.Split('\n')[0]).ShouldBeLessThan(300L << 20); // stdout (the size) comes first
    }
}
