using System.Diagnostics;
using System.Text;

namespace NetCourse.Grader.Running;

/// <summary>
/// A child process whose output is captured into bounded buffers (learner code may flood
/// stdout) and which can be killed with everything it started.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly BoundedText _stdout;
    private readonly BoundedText _stderr;

    private Task _outputLines = Task.CompletedTask;

    /// <summary>A line of standard output longer than this is cut (and so fails any check on it).</summary>
    public const int MaxLineChars = 1024 * 1024;

    private static long _started;

    /// <summary>How many child processes the grader has started (its tests prove some commands start none).</summary>
    public static long StartedCount => Interlocked.Read(ref _started);

    private ChildProcess(Process process, int maxChars)
    {
        _process = process;
        _stdout = new BoundedText(maxChars);
        _stderr = new BoundedText(maxChars);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.AppendLine(e.Data); };
    }

    /// <param name="standardInput">written to the child's standard input, which is then closed
    /// (learner code that reads stdin sees end of input, not a hang).</param>
    /// <param name="onOutputLine">when given, standard output is not kept: each line goes here as it
    /// arrives (cut at <see cref="MaxLineChars"/>), on one reader thread, in order.</param>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, int maxOutputChars = 256 * 1024,
        string? standardInput = null, Action<string>? onOutputLine = null, bool clearEnvironment = false)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        if (clearEnvironment) info.Environment.Clear();
        // Quiet, reproducible .NET tooling: no banners, no telemetry, no first-run experience.
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["MSBUILDTERMINALLOGGER"] = "off";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;

        var process = new Process { StartInfo = info };
        Interlocked.Increment(ref _started);
        var child = new ChildProcess(process, maxOutputChars);
        StartOnOwnThread(process);
        try
        {
            if (standardInput is not null) process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }
        catch (IOException) { } // the child died before reading: its exit tells why
        if (onOutputLine is null) process.BeginOutputReadLine();
        else child._outputLines = Task.Factory.StartNew(() => ReadLines(process.StandardOutput.BaseStream, onOutputLine),
            TaskCreationOptions.LongRunning);
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Starts the process from a thread of its own that lives until the process exits. The
    /// sandbox's bwrap runs with <c>--die-with-parent</c>, which asks the kernel to kill it when the
    /// <em>thread</em> that forked it ends (PR_SET_PDEATHSIG); started from a thread-pool thread, it
    /// was killed (exit 137) whenever the pool retired that thread, about 20 s into a long build.
    /// </summary>
    private static void StartOnOwnThread(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { process.Start(); }
            catch (Exception e)
            {
                started.SetException(e);
                return;
            }
            started.SetResult();
            // Only to outlive the child; the process may be disposed meanwhile, which ends the wait too.
            try { process.WaitForExit(); }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or System.ComponentModel.Win32Exception) { }
        }) { IsBackground = true, Name = "child process parent" };
        thread.Start();
        started.Task.GetAwaiter().GetResult();
    }

    /// <summary>Splits raw output into lines without ever holding more than one (bounded) line.</summary>
    private static void ReadLines(Stream output, Action<string> onLine)
    {
        var line = new List<byte>();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = output.Read(buffer)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'\n')
                {
                    onLine(Encoding.UTF8.GetString(line.ToArray()));
                    line.Clear();
                }
                else if (line.Count < MaxLineChars) line.Add(b);
            }
        }
        if (line.Count > 0) onLine(Encoding.UTF8.GetString(line.ToArray()));
    }

    /// <summary>Completes when every line of output has been handed to the line callback.</summary>
    public Task OutputDrained => _outputLines;

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string StandardOutput => _stdout.ToString();
    public string StandardError => _stderr.ToString();

    /// <summary>Waits for exit, killing the process tree when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return false;
        }
    }

    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        try { _process.WaitForExit(5000); } catch (InvalidOperationException) { }
    }

    /// <summary>Runs a command to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments,
        string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var child = Start(fileName, arguments, workingDirectory, environment);
        var finished = await child.WaitForExitAsync(timeout);
        var output = child.StandardOutput + child.StandardError;
        return finished ? (child.ExitCode, output) : (-1, output + $"\n(stopped after {timeout.TotalSeconds:0} s)");
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.WaitForExit(); // drain the async output readers
        _outputLines.Wait(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    /// <summary>Keeps the first part of the output and counts what it drops.</summary>
    private sealed class BoundedText(int maxChars)
    {
        private readonly StringBuilder _text = new();
        private long _dropped;

        public void AppendLine(string line)
        {
            lock (_text)
            {
                if (_text.Length + line.Length + 1 <= maxChars) _text.Append(line).Append('\n');
                else _dropped += line.Length + 1;
            }
        }

        public override string ToString()
        {
            lock (_text)
                return _dropped == 0 ? _text.ToString() : _text + $"… ({_dropped} more characters of output not kept)\n";
        }
    }
}
