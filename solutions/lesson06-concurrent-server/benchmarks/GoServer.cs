using System.Diagnostics;
using System.Net;

namespace NetCourse.Lesson06.Benchmarks;

/// <summary>
/// go-server/main.go, built with the `go` on PATH and run as a child process: the Go material's
/// server, for the comparison of <see cref="Compare"/>. Without Go, <see cref="Start"/> says so
/// and the comparison goes on without it.
/// </summary>
public sealed class GoServer : IDisposable
{
    private readonly Process _process;

    private GoServer(Process process, IPEndPoint endPoint)
    {
        _process = process;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>The server process's CPU time so far (user and system).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static GoServer Start()
    {
        var source = Path.Combine(FindSourceDirectory(), "go-server");
        var binary = Path.Combine(Path.GetTempPath(), $"netcourse-lesson06-go-server-{Environment.ProcessId}");
        Run("go", ["build", "-o", binary, "main.go"], source);
        var process = Process.Start(new ProcessStartInfo(binary) { RedirectStandardOutput = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("The Go server did not start.");
        var address = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The Go server printed no address.");
        return new GoServer(process, IPEndPoint.Parse(address));
    }

    private static void Run(string program, string[] arguments, string directory)
    {
        var info = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, UseShellExecute = false };
        info.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "netcourse-go-cache");
        Process build;
        try
        {
            build = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("`go` is not on PATH (apt-get install golang-go): the Go column is skipped.");
        }
        build.WaitForExit();
        if (build.ExitCode != 0) throw new InvalidOperationException($"go build failed ({build.ExitCode}).");
    }

    // Run from the repository root or from a build folder under it: find go-server/ next to this file's project.
    private static string FindSourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "solutions", "lesson06-concurrent-server", "benchmarks");
            if (Directory.Exists(Path.Combine(candidate, "go-server"))) return candidate;
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "solutions", "lesson06-concurrent-server", "benchmarks");
    }

    public void Dispose()
    {
        try { _process.Kill(); } catch (InvalidOperationException) { }
        _process.WaitForExit();
        _process.Dispose();
    }
}
