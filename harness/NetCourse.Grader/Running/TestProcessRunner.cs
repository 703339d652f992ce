using System.Diagnostics;
using NetCourse.Grader.Trust;
using NetCourse.Grading.Protocol;

namespace NetCourse.Grader.Running;

/// <param name="Sandbox">when set, the test host runs inside it (trusted grading); otherwise as a plain child process.</param>
public sealed record RunOptions(long Seed, bool StopOnFailure = false, IReadOnlyList<string>? Only = null, ProcessSandbox? Sandbox = null);

/// <summary>The verdicts of a run, and why its event stream was not trusted when it was not.</summary>
public sealed record TestRunResult(IReadOnlyList<TestVerdict> Tests, string? Violation)
{
    public bool Tampered => Violation is not null;
}

/// <summary>
/// Runs a lesson's test assembly in a child process and watches it. A test that runs past its
/// time limit is stopped (the whole process is killed) and reported as timed out; a test during
/// which the process dies is reported as crashed; then the host starts again with every finished
/// test skipped, so one broken test never costs the others their verdicts. The run always ends:
/// every restart finishes at least one more test. Events come only over the host's signed channel
/// (<see cref="EventStream"/>): a run whose stream breaks the protocol is stopped and reported as
/// tampered with, and none of its verdicts count.
/// </summary>
public sealed class TestProcessRunner
{
    /// <summary>Added to each test's own limit: process start-up and NUnit's bookkeeping.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    /// <summary>How long the host may take to load and list its tests.</summary>
    public static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public async Task<TestRunResult> RunAsync(string testAssembly, RunOptions options, CancellationToken cancellation = default)
    {
        var verdicts = new VerdictBuilder();
        for (var attempt = 1; ; attempt++)
        {
            // Each restart finishes at least one test, so this bound is never reached unless
            // the host ignores its skip list; then stop rather than loop.
            if (attempt > verdicts.Verdicts.Count + 2)
            {
                verdicts.UnfinishedCrashed("the grader stopped restarting the test process (it made no progress)");
                break;
            }
            var (outcome, violation) = await RunOnceAsync(testAssembly, options, verdicts, cancellation);
            if (violation is not null) return new TestRunResult(verdicts.Verdicts, violation);
            if (outcome == AttemptOutcome.Completed || verdicts.Verdicts.All(v => v.Finished)) break;
            if (options.StopOnFailure && verdicts.Verdicts.Any(v => v.Failed)) break;
            if (outcome == AttemptOutcome.NoProgress)
            {
                verdicts.UnfinishedCrashed("the test process stopped before this test could run");
                break;
            }
        }
        return new TestRunResult(verdicts.Verdicts, null);
    }

    private enum AttemptOutcome { Completed, Restart, NoProgress }

    private static async Task<(AttemptOutcome, string?)> RunOnceAsync(string testAssembly, RunOptions options,
        VerdictBuilder verdicts, CancellationToken cancellation)
    {
        // A fresh key per process: a line signed for one run means nothing in the next.
        var key = EventSignature.NewKey();
        var input = new ChannelOpening(key, verdicts.FinishedIds).Write();
        using var events = new EventStream(key);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);

        List<string> arguments = [testAssembly, HostArguments.Channel];
        if (options.StopOnFailure) arguments.Add(HostArguments.StopOnFailure);
        foreach (var only in options.Only ?? []) arguments.AddRange([HostArguments.Only, only]);
        var environment = new Dictionary<string, string> { [HostEnvironment.Seed] = options.Seed.ToString() };
        var command = new ProcessCommand("dotnet", arguments, Path.GetDirectoryName(testAssembly)!, environment);
        if (options.Sandbox is { } sandbox) command = sandbox.Wrap(command, SandboxProfile.TestRun);

        using var child = ChildProcess.Start(command.FileName, command.Arguments, command.WorkingDirectory, command.Environment,
            standardInput: input, onOutputLine: events.Accept, clearEnvironment: command.ClearEnvironment);

        var finishedBefore = verdicts.FinishedCount;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        verdicts.BeginAttempt();

        while (true)
        {
            var exited = child.HasExited;
            if (exited) await DrainAsync(child);
            foreach (var e in events.TakeAccepted()) verdicts.Apply(e, clock.Elapsed);
            if (events.Violation is { } violation)
            {
                child.Kill();
                return (AttemptOutcome.Completed, violation);
            }

            if (verdicts.Done)
            {
                // Nothing may follow 'done': wait for the exit and for the last of the output.
                await child.WaitForExitAsync(TimeSpan.FromSeconds(10));
                await DrainAsync(child);
                return (AttemptOutcome.Completed, events.Violation);
            }
            if (exited)
            {
                var reason = CrashReason(child);
                if (verdicts.Running is not null)
                {
                    verdicts.RunningCrashed(reason);
                    return (AttemptOutcome.Restart, null);
                }
                if (!verdicts.Planned) throw new GraderException($"the tests could not start: {reason}\n{Tail(child.StandardError + child.StandardOutput)}");
                return (verdicts.FinishedCount > finishedBefore ? AttemptOutcome.Restart : AttemptOutcome.NoProgress, null);
            }
            if (verdicts.Running is { } running && verdicts.RunningFor(clock.Elapsed) > TimeSpan.FromSeconds(running.TimeLimitSeconds) + Grace)
            {
                child.Kill();
                verdicts.RunningTimedOut(clock.Elapsed);
                return (AttemptOutcome.Restart, null);
            }
            if (verdicts.Running is null && !verdicts.Planned && clock.Elapsed > StartupLimit)
            {
                child.Kill();
                throw new GraderException($"the test process did not start within {StartupLimit.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    /// <summary>Waits (bounded) until every line the process wrote has been read: its last events
    /// count, and so does anything it wrote after 'done'.</summary>
    private static async Task DrainAsync(ChildProcess child)
    {
        try { await child.OutputDrained.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { } // a grandchild holds the pipe open: what was read is what counts
    }

    /// <summary>Why the process died, in words: the runtime's own last words name most causes.</summary>
    internal static string CrashReason(ChildProcess child)
    {
        var stderr = child.StandardError;
        if (stderr.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
            return "the test process crashed: stack overflow (a method that calls itself without end?)";
        var unhandled = stderr.IndexOf("Unhandled exception.", StringComparison.Ordinal);
        if (unhandled >= 0)
        {
            var first = stderr[(unhandled + "Unhandled exception.".Length)..].TrimStart().Split('\n')[0].Trim();
            return $"the test process crashed: an exception nobody caught, probably on a background thread or in an async void method: {first}";
        }
        if (stderr.Contains("OutOfMemory", StringComparison.Ordinal))
            return "the test process crashed: out of memory";
        return child.ExitCode switch
        {
            134 or 137 or 139 => $"the test process crashed (exit code {child.ExitCode})",
            _ => $"the test process exited with code {child.ExitCode} in the middle of the test (does the code call Environment.Exit?)",
        };
    }

    private static string Tail(string text) => string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').TakeLast(15));
}
