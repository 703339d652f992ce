using NetCourse.Grader.Running;

namespace NetCourse.Grader.Trust;

/// <summary>
/// Runs a process of trusted grading inside bubblewrap (Linux): a new network namespace with
/// loopback only, new PID, IPC and UTS namespaces, a file system made of the system's programs
/// (read-only), the .NET SDK, the package cache and the staged course (read-only; a build writes
/// only its .build/ folder), a private /tmp; an environment of a few named variables (no tokens,
/// no secrets); a real unprivileged user (nobody, when the grader runs as root); limits on CPU
/// time, file size and processes, and a managed-heap limit. The sandbox dies with the grader.
/// </summary>
public sealed class ProcessSandbox
{
    /// <summary>The user the sandboxed process runs as when the grader is root.</summary>
    public const int UnprivilegedId = 65534;

    private const long TmpBytes = 1L << 30;
    private const int MaxProcesses = 512;
    private const long MaxFileBytes = 256L << 20;
    private const int MaxCpuSeconds = 1200;
    private const string HeapLimit = "0xC0000000"; // 3 GiB of managed heap

    private readonly string _stagedRoot;
    private readonly string _dotnetRoot;
    private readonly string? _packages;
    private readonly bool _asRoot;

    private ProcessSandbox(string stagedRoot, string dotnetRoot, string? packages, bool asRoot)
    {
        _stagedRoot = stagedRoot;
        _dotnetRoot = dotnetRoot;
        _packages = packages;
        _asRoot = asRoot;
    }

    /// <summary>The programs the sandbox is made of; all must be on the PATH.</summary>
    public static readonly IReadOnlyList<string> RequiredPrograms = ["bwrap", "setpriv", "prlimit"];

    /// <summary>
    /// A sandbox for a staged course, or the reason there can be none here (not Linux, bubblewrap
    /// missing, user namespaces refused). Trusted grading refuses to run without one.
    /// </summary>
    public static async Task<(ProcessSandbox? Sandbox, string? Unavailable)> TryCreateAsync(string stagedRoot)
    {
        if (!OperatingSystem.IsLinux()) return (null, "the sandbox needs Linux (bubblewrap); this is " + System.Runtime.InteropServices.RuntimeInformation.OSDescription);
        var missing = RequiredPrograms.Where(p => FindOnPath(p) is null).ToList();
        if (missing.Count > 0) return (null, $"{string.Join(", ", missing)} not found (Debian/Ubuntu: sudo apt-get install bubblewrap util-linux)");
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? host : FindOnPath("dotnet") ?? "dotnet";
        var dotnetRoot = Path.GetDirectoryName(new FileInfo(dotnet).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(dotnet))!;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var sandbox = new ProcessSandbox(Path.GetFullPath(stagedRoot), dotnetRoot, Directory.Exists(packages) ? packages : null,
            asRoot: Environment.UserName == "root" || GetUid() == 0);

        // Prove it works here (user namespaces can be switched off): a sandboxed `true`, and a network
        // that reaches nothing but loopback.
        var probe = sandbox.Wrap(new ProcessCommand("sh", ["-c", "cat /proc/net/dev | grep -v -E 'lo:|Inter-|face' | wc -l"], "/",
            new Dictionary<string, string>()), SandboxProfile.TestRun);
        var (exitCode, output) = await ChildProcess.RunAsync(probe.FileName, probe.Arguments, probe.WorkingDirectory, TimeSpan.FromSeconds(30));
        if (exitCode != 0) return (null, $"bubblewrap could not start a sandbox here (exit {exitCode}): {output.Trim()}");
        if (output.Trim() != "0") return (null, "the sandbox's network has interfaces besides loopback");
        return (sandbox, null);
    }

    /// <summary>The same command, to be started inside the sandbox.</summary>
    public ProcessCommand Wrap(ProcessCommand command, SandboxProfile profile)
    {
        List<string> args = ["--die-with-parent", "--new-session", "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"];
        if (!_asRoot) args.Add("--unshare-user"); // an unprivileged bwrap needs its own user namespace

        // The system's programs and libraries, read-only; /bin, /lib… as the host has them (links into /usr or folders).
        args.AddRange(["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]);
        foreach (var top in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt" })
        {
            var kind = FileKinds.Of(top);
            if (kind == FileKind.SymbolicLink) args.AddRange(["--symlink", new FileInfo(top).LinkTarget!, top]);
            else if (kind == FileKind.Directory) args.AddRange(["--ro-bind", top, top]);
        }
        args.AddRange(["--dev", "/dev", "--proc", "/proc",
            "--perms", "1777", "--size", TmpBytes.ToString(), "--tmpfs", "/tmp",
            "--perms", "1777", "--size", TmpBytes.ToString(), "--tmpfs", "/dev/shm"]);
        if (!_dotnetRoot.StartsWith("/usr/", StringComparison.Ordinal)) ReadOnly(args, _dotnetRoot);
        // Package folders are public packages: the build compiles against them, and a test may run a
        // tool shipped in one (lesson08's Playwright driver).
        if (_packages is not null) ReadOnly(args, _packages);

        switch (profile)
        {
            case SandboxProfile.Build:
                ReadOnly(args, _stagedRoot);
                args.AddRange(["--bind", Path.Combine(_stagedRoot, ".build"), Path.Combine(_stagedRoot, ".build")]);
                break;
            case SandboxProfile.TestRun:
                // Read-only: the tests' build output, and their sources (snapshot tests read the
                // .verified. files beside them); the staged course holds nothing but trusted files
                // and the learner's own sources.
                ReadOnly(args, _stagedRoot);
                if (command.WorkingDirectory != "/" && !command.WorkingDirectory.StartsWith(_stagedRoot + "/", StringComparison.Ordinal))
                    ReadOnly(args, command.WorkingDirectory);
                break;
        }

        args.Add("--clearenv");
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = $"{_dotnetRoot}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ["HOME"] = "/tmp/home",
            ["TMPDIR"] = "/tmp",
            ["LANG"] = "C.UTF-8",
            ["DOTNET_ROOT"] = _dotnetRoot,
            ["DOTNET_CLI_HOME"] = "/tmp/home",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_GCHeapHardLimit"] = HeapLimit,
            ["MSBUILDTERMINALLOGGER"] = "off",
        };
        if (_packages is not null) environment["NUGET_PACKAGES"] = _packages;
        if (Environment.GetEnvironmentVariable("NETCOURSE_REQUIRE_TOOLS") is { Length: > 0 } require) environment["NETCOURSE_REQUIRE_TOOLS"] = require;
        foreach (var (key, value) in command.Environment) environment[key] = value;
        foreach (var (key, value) in environment) args.AddRange(["--setenv", key, value]);
        args.AddRange(["--chdir", command.WorkingDirectory, "--"]);

        // Inside: drop to nobody (when root: bwrap keeps root's capabilities until here), then the limits.
        if (_asRoot)
            args.AddRange(["setpriv", $"--reuid={UnprivilegedId}", $"--regid={UnprivilegedId}", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--"]);
        args.AddRange(["prlimit", $"--nproc={MaxProcesses}", $"--fsize={MaxFileBytes}", $"--cpu={MaxCpuSeconds}", "--core=0", "--",
            command.FileName, .. command.Arguments]);

        return new ProcessCommand("bwrap", args, command.WorkingDirectory, new Dictionary<string, string>());
    }

    /// <summary>Makes the staged course usable by the sandbox's user: readable by all, .build/ its own.</summary>
    public void PrepareStagedRoot()
    {
        var build = Path.Combine(_stagedRoot, ".build");
        Directory.CreateDirectory(build);
        if (!_asRoot) return;
        foreach (var path in Directory.EnumerateFileSystemEntries(build, "*", SearchOption.AllDirectories).Prepend(build))
            ChangeOwner(path, UnprivilegedId, UnprivilegedId);
    }

    /// <summary>Binds a folder read-only at its own path; its parents inside the sandbox are traversable (0755).</summary>
    private static void ReadOnly(List<string> args, string path)
    {
        var parents = new List<string>();
        for (var parent = Path.GetDirectoryName(path); parent is not null && parent != "/"; parent = Path.GetDirectoryName(parent))
            parents.Insert(0, parent);
        // /usr and /tmp are already there (read-only, and 1777 for all): only folders bwrap must create.
        foreach (var parent in parents.Where(p => p is not ("/usr" or "/tmp") && !p.StartsWith("/usr/", StringComparison.Ordinal)))
            args.AddRange(["--perms", "0755", "--dir", parent]);
        args.AddRange(["--ro-bind", path, path]);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getuid")]
    private static extern uint GetUid();

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
    private static extern int LChown([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int owner, int group);

    private static void ChangeOwner(string path, int owner, int group)
    {
        if (LChown(path, owner, group) != 0)
            throw new GraderException($"could not hand {path} to the sandbox's user (lchown failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})");
    }
}
