using System.Diagnostics;
using NetCourse.Harness.Grading;

namespace NetCourse.Grader.Running;

public sealed record RunOptions(long Seed, bool StopOnFailure = false, IReadOnlyList<string>? Only = null);

/// <summary>
/// Runs a lesson's test assembly in a child process and watches it. A test that runs past its
/// time limit is stopped (the whole process is killed) and reported as timed out; a test during
/// which the process dies is reported as crashed; then the host starts again with every finished
/// test skipped, so one broken test never costs the others their verdicts. The run always ends:
/// every restart finishes at least one more test.
/// </summary>
public sealed class TestProcessRunner
{
    /// <summary>Added to each test's own limit: process start-up and NUnit's bookkeeping.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    /// <summary>How long the host may take to load and list its tests.</summary>
    public static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public async Task<IReadOnlyList<TestVerdict>> RunAsync(string testAssembly, RunOptions options, CancellationToken cancellation = default)
    {
        var verdicts = new List<TestVerdict>();
        var byId = new Dictionary<string, TestVerdict>(StringComparer.Ordinal);
        var workDir = Directory.CreateTempSubdirectory("netcourse-run-");
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                // Each restart finishes at least one test, so this bound is never reached unless
                // the host ignores its skip list; then stop rather than loop.
                if (attempt > verdicts.Count + 2)
                {
                    foreach (var v in verdicts.Where(v => !v.Finished)) { v.Outcome = TestOutcomes.Crashed; v.Message = "the grader stopped restarting the test process (it made no progress)"; }
                    break;
                }
                var outcome = await RunOnceAsync(testAssembly, options, workDir.FullName, attempt, verdicts, byId, cancellation);
                var unfinished = verdicts.Where(v => !v.Finished).ToList();
                if (outcome == AttemptOutcome.Completed || unfinished.Count == 0) break;
                if (options.StopOnFailure && verdicts.Any(v => v.Finished && !v.Passed && v.Outcome != TestOutcomes.Skipped)) break;
                if (outcome == AttemptOutcome.NoProgress)
                {
                    foreach (var v in unfinished) { v.Outcome = TestOutcomes.Crashed; v.Message ??= "the test process stopped before this test could run"; }
                    break;
                }
            }
            return verdicts;
        }
        finally
        {
            try { workDir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private enum AttemptOutcome { Completed, Restart, NoProgress }

    private static async Task<AttemptOutcome> RunOnceAsync(string testAssembly, RunOptions options, string workDir, int attempt,
        List<TestVerdict> verdicts, Dictionary<string, TestVerdict> byId, CancellationToken cancellation)
    {
        var eventsFile = Path.Combine(workDir, $"events-{attempt}.jsonl");
        var skipFile = Path.Combine(workDir, $"skip-{attempt}.txt");
        await File.WriteAllLinesAsync(skipFile, verdicts.Where(v => v.Finished).Select(v => v.Id), cancellation);

        List<string> arguments = [testAssembly, "--events", eventsFile, "--skip", skipFile];
        if (options.StopOnFailure) arguments.Add("--stop-on-failure");
        foreach (var only in options.Only ?? []) arguments.AddRange(["--only", only]);

        var environment = new Dictionary<string, string> { [TestSeed.EnvironmentVariable] = options.Seed.ToString() };
        using var child = ChildProcess.Start("dotnet", arguments, Path.GetDirectoryName(testAssembly)!, environment);
        using var events = new EventFileReader(eventsFile);

        var finishedBefore = verdicts.Count(v => v.Finished);
        var started = Stopwatch.StartNew();
        TestVerdict? running = null;
        var runningSince = Stopwatch.StartNew();
        var done = false;
        var planned = false;

        while (true)
        {
            var exited = child.HasExited;
            foreach (var e in events.ReadNew())
            {
                switch (e.Type)
                {
                    case HostEvent.Plan when e.Id is not null:
                        planned = true;
                        if (!byId.ContainsKey(e.Id)) { var v = TestVerdict.FromPlan(e); byId[e.Id] = v; verdicts.Add(v); }
                        break;
                    case HostEvent.Start when e.Id is not null && byId.TryGetValue(e.Id, out var v):
                        running = v;
                        runningSince.Restart();
                        break;
                    case HostEvent.End when e.Id is not null && byId.TryGetValue(e.Id, out var v):
                        Record(v, e);
                        running = null;
                        break;
                    case HostEvent.Done:
                        done = true;
                        break;
                }
            }

            if (done)
            {
                await child.WaitForExitAsync(TimeSpan.FromSeconds(10));
                return AttemptOutcome.Completed;
            }
            if (exited)
            {
                var reason = CrashReason(child);
                if (running is not null)
                {
                    running.Outcome = TestOutcomes.Crashed;
                    running.Message = reason;
                    return AttemptOutcome.Restart;
                }
                if (!planned) throw new GraderException($"the tests could not start: {reason}\n{Tail(child.StandardError + child.StandardOutput)}");
                return verdicts.Count(v => v.Finished) > finishedBefore ? AttemptOutcome.Restart : AttemptOutcome.NoProgress;
            }
            if (running is not null && runningSince.Elapsed > TimeSpan.FromSeconds(running.TimeLimitSeconds) + Grace)
            {
                child.Kill();
                running.Outcome = TestOutcomes.TimedOut;
                running.Message = $"timed out after {running.TimeLimitSeconds} s: the code under test never finished (a loop without end, a deadlock, or a read that waits for data that never comes?)";
                running.DurationMs = runningSince.Elapsed.TotalMilliseconds;
                return AttemptOutcome.Restart;
            }
            if (running is null && !planned && started.Elapsed > StartupLimit)
            {
                child.Kill();
                throw new GraderException($"the test process did not start within {StartupLimit.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    private static void Record(TestVerdict verdict, HostEvent end)
    {
        verdict.Outcome = end.Outcome;
        verdict.Message = end.Message;
        verdict.NotStarted = end.NotStarted;
        verdict.Output = end.Output;
        verdict.Seed = end.Seed;
        verdict.DurationMs = end.DurationMs;
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

    /// <summary>Reads the complete lines the host has appended since the last call.</summary>
    private sealed class EventFileReader(string path) : IDisposable
    {
        private FileStream? _stream;
        private readonly List<byte> _partial = [];

        public IEnumerable<HostEvent> ReadNew()
        {
            if (_stream is null)
            {
                if (!File.Exists(path)) return [];
                try { _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete); }
                catch (IOException) { return []; }
            }
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = _stream.Read(buffer)) > 0) _partial.AddRange(buffer.AsSpan(0, read));
            var lastNewline = _partial.LastIndexOf((byte)'\n');
            if (lastNewline < 0) return [];
            var text = System.Text.Encoding.UTF8.GetString(_partial.GetRange(0, lastNewline).ToArray());
            _partial.RemoveRange(0, lastNewline + 1);
            return text.Split('\n').Select(HostEvent.TryParse).OfType<HostEvent>().ToList();
        }

        public void Dispose() => _stream?.Dispose();
    }
}
