using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetCourse.Redis;

namespace NetCourse.Lesson09.Benchmarks;

/// <summary>REDIS_URL's server, or a private redis-server from the PATH on a free loopback port,
/// without persistence (as the tests run it), stopped at the end.</summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process? _process;

    private RedisProcess(string url, Process? process)
    {
        Url = url;
        _process = process;
    }

    public string Url { get; }

    public static async Task<RedisProcess> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("REDIS_URL") is { Length: > 0 } shared) return new RedisProcess(shared, null);

        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        probe.Dispose();
        var process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"])
        { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("redis-server did not start: install it, or set REDIS_URL.");
        var url = $"redis://127.0.0.1:{port}";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = await RedisConnection.ConnectAsync(url);
                await connection.ExecuteAsync("PING");
                return new RedisProcess(url, process);
            }
            catch (RedisConnectionException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
