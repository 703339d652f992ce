using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>A private redis-server on loopback, persistence off, stopped with the program.</summary>
internal sealed class LocalRedis : IAsyncDisposable
{
    private readonly Process _process;

    private LocalRedis(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}";

    public static bool IsInstalled => FindOnPath("redis-server") is not null;

    public static async Task<LocalRedis> StartAsync(int port, CancellationToken cancellationToken)
    {
        if (port == 0) port = FreePort();
        var info = new ProcessStartInfo(FindOnPath("redis-server")!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            info.ArgumentList.Add(argument);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new LocalRedis(process, port);
        // Ready once it accepts a connection; a server that exits (port taken) is an error at once.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (process.HasExited) throw new SocketException((int)SocketError.AddressAlreadyInUse);
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
                return redis;
            }
            catch (SocketException) { await Task.Delay(50, deadline.Token); }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { _process.Kill(); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
