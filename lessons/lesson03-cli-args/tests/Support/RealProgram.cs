using System.Diagnostics;
using System.Text;
using NetCourse.Harness.Waiting;

namespace NetCourse.Lesson03.Tests.Support;

/// <summary>
/// Starts the built program as a real process: <c>dotnet NetCourse.Lesson03.dll args…</c>. The
/// implementation's assembly (and its runtimeconfig) are copied beside the test assembly.
/// Every wait is bounded; a process that outlives its deadline is killed with its children.
/// </summary>
public static class RealProgram
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "NetCourse.Lesson03.dll");

    public static async Task<CliOutcome> RunAsync(TimeSpan deadline, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // ArgumentList hands each argument over as it is: no shell, no quoting rules.
        start.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the program did not start");
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(Deadline.Resolve(deadline));
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return new CliOutcome(process.ExitCode, Cli.Normalize(await stdout), Cli.Normalize(await stderr));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the program did not exit within {deadline.TotalSeconds:0} s: dotnet {string.Join(' ', start.ArgumentList)}");
        }
    }

    /// <summary>The dotnet host running these tests (or the SDK's, or the one on PATH).</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        return "dotnet";
    }
}
