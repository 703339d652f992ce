using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace NetCourse.Grader.Tests.LessonPrograms;

/// <summary>
/// <c>grade.sh LESSON --run …</c> as a learner starts it: the built grader in its own process, on
/// this repository, its output read line by line, stopped with a real SIGINT.
/// </summary>
internal sealed class LessonProgramProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly System.Text.StringBuilder _error = new();

    private LessonProgramProcess(Process process) => _process = process;

    /// <summary>This checkout (harness/NetCourse.Grader.Tests/Fixtures, three folders up).</summary>
    public static string Repo => Path.GetFullPath(Path.Combine(TempCourse.FixturesDirectory, "..", "..", ".."));

    public static LessonProgramProcess Start(params string[] arguments)
    {
        var repo = Repo;
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = repo,
        };
        info.ArgumentList.Add(Path.Combine(repo, ".build", "bin", "harness", "NetCourse.Grader", "NetCourse.Grader.dll"));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["NETCOURSE_REPO"] = repo;
        info.Environment["NETCOURSE_SHIM"] = "./grade.sh";
        info.Environment["DOTNET_NOLOGO"] = "1";

        Signals.LetChildrenReceiveInterrupt();
        var process = new Process { StartInfo = info };
        var running = new LessonProgramProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            running._lines.Enqueue(e.Data);
            running._lineArrived.Release();
        };
        process.ErrorDataReceived += (_, e) => { lock (running._error) if (e.Data is not null) running._error.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    public string Output => string.Join('\n', _lines);

    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>The first group of the first output line that matches, once it is printed.</summary>
    public async Task<string> WaitForAsync(string pattern, TimeSpan timeout)
    {
        var regex = new Regex(pattern);
        using var deadline = new CancellationTokenSource(timeout);
        var seen = 0;
        while (true)
        {
            foreach (var line in _lines.Skip(seen))
            {
                seen++;
                if (regex.Match(line) is { Success: true } match) return match.Groups[1].Value;
            }
            if (_process.HasExited && _lines.Count == seen)
                throw new InvalidOperationException($"the program ended (exit code {_process.ExitCode}) before printing /{pattern}/.\nstdout:\n{Output}\nstderr:\n{Error}");
            try { await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token); }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no line matched /{pattern}/ within {timeout.TotalSeconds:0} s.\nstdout:\n{Output}\nstderr:\n{Error}");
            }
        }
    }

    /// <summary>What Ctrl+C in a terminal sends (here to the grader alone, which passes it on).</summary>
    public void Interrupt() => Signals.Interrupt(_process.Id);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the program did not end within {timeout.TotalSeconds:0} s.\nstdout:\n{Output}\nstderr:\n{Error}");
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        _lineArrived.Dispose();
    }

    private static class Signals
    {
        private const int SigInt = 2;
        private static readonly IntPtr Ignored = 1; // SIG_IGN
        private static readonly IntPtr Default = 0; // SIG_DFL

        public static void Interrupt(int pid)
        {
            if (Kill(pid, SigInt) != 0) throw new InvalidOperationException($"kill -INT {pid} failed ({Marshal.GetLastPInvokeError()}).");
        }

        /// <summary>
        /// A process started in the background by a shell without job control inherits SIGINT
        /// ignored, and passes that on to its children, who could then never be interrupted. Only
        /// that inherited "ignore" is undone; a handler the runtime installed stays.
        /// </summary>
        public static void LetChildrenReceiveInterrupt()
        {
            var previous = Signal(SigInt, Default);
            if (previous != Ignored) Signal(SigInt, previous);
        }

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);

        [DllImport("libc", EntryPoint = "signal")]
        private static extern IntPtr Signal(int signal, IntPtr handler);
    }
}
