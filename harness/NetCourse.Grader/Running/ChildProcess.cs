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

    private ChildProcess(Process process, int maxChars)
    {
        _process = process;
        _stdout = new BoundedText(maxChars);
        _stderr = new BoundedText(maxChars);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.AppendLine(e.Data); };
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, int maxOutputChars = 256 * 1024)
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
        // Quiet, reproducible .NET tooling: no banners, no telemetry, no first-run experience.
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["MSBUILDTERMINALLOGGER"] = "off";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, maxOutputChars);
        process.Start();
        process.StandardInput.Close(); // learner code that reads stdin sees end of input, not a hang
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

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
