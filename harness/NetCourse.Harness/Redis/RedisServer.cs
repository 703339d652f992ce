using System.Diagnostics;
using System.Net;
using NetCourse.Harness.Servers;
using NetCourse.Harness.Tools;
using NetCourse.Redis;

namespace NetCourse.Harness.Redis;

/// <summary>
/// A Redis server for one test: the one named by REDIS_URL when set, otherwise a private
/// <c>redis-server</c> on a free loopback port with persistence off, stopped on dispose. Keys go
/// under <see cref="KeyPrefix"/>, unique per instance, so tests sharing a REDIS_URL server never
/// see each other's data. With neither available the test is skipped with install advice (and
/// fails where tools are required, see <see cref="ExternalTool"/>).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string UrlVariable = "REDIS_URL";
    private const string InstallAdvice =
        "install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL=redis://host:port";

    private readonly Process? _process;
    private readonly string? _directory;

    private RedisServer(RedisEndPoint endPoint, Process? process, string? directory)
    {
        Address = endPoint;
        _process = process;
        _directory = directory;
        KeyPrefix = $"netcourse:{Guid.NewGuid():N}:";
    }

    public RedisEndPoint Address { get; }

    public string Url => Address.ToString();

    /// <summary>The server's TCP end point (resolved when REDIS_URL names a host).</summary>
    public IPEndPoint EndPoint => new(Dns.GetHostAddresses(Address.Host)[0], Address.Port);

    /// <summary>Put every key under this prefix: a shared server then holds nothing another test can trip on.</summary>
    public string KeyPrefix { get; }

    /// <summary>True when this instance started its own redis-server (false: REDIS_URL's server).</summary>
    public bool IsPrivate => _process is not null;

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(url))
        {
            var shared = new RedisServer(RedisEndPoint.Parse(url), process: null, directory: null);
            await using var probe = await shared.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return shared;
        }

        var program = ExternalTool.Require("redis-server", InstallAdvice, "redis-server");
        // A free port can be taken between choosing it and redis binding it: try a few.
        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try { return await StartPrivateAsync(program, FreePort.Tcp(), cancellationToken).ConfigureAwait(false); }
            catch (RedisServerStartException e) { last = e; }
        }
        throw new InvalidOperationException($"redis-server did not start after 5 attempts: {last!.Message}", last);
    }

    public Task<RedisConnection> ConnectAsync(CancellationToken cancellationToken = default) =>
        RedisConnection.ConnectAsync(Address, cancellationToken);

    private static async Task<RedisServer> StartPrivateAsync(string program, int port, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("netcourse-redis-").FullName;
        var process = Process.Start(StartInfo(program, port, directory))
            ?? throw new RedisServerStartException("the process did not start");
        var server = new RedisServer(new RedisEndPoint("127.0.0.1", port), process, directory);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                if (process.HasExited)
                    throw new RedisServerStartException($"redis-server exited with code {process.ExitCode} on port {port}: {await process.StandardOutput.ReadToEndAsync(CancellationToken.None).ConfigureAwait(false)}".Trim());
                try
                {
                    await using var connection = await server.ConnectAsync(deadline.Token).ConfigureAwait(false);
                    if ((await connection.ExecuteAsync(["PING"], deadline.Token).ConfigureAwait(false)).AsString() == "PONG") return server;
                }
                catch (RedisConnectionException) { }
                catch (RedisException e) when (e.Message.StartsWith("LOADING", StringComparison.Ordinal)) { }
                await Task.Delay(20, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new RedisServerStartException($"redis-server on port {port} did not answer PING within 10 s");
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static ProcessStartInfo StartInfo(string program, int port, string directory)
    {
        string[] arguments =
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no", "--loglevel", "warning",
        ];
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (OperatingSystem.IsWindows())
        {
            info.FileName = program;
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            return info;
        }
        // A test process that crashes cannot stop its server, so a tiny shell guard does: it
        // stops redis-server as soon as the process that started it is gone.
        info.FileName = "/bin/sh";
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("""
            "$0" "$@" & server=$!
            trap 'kill $server 2>/dev/null; exit 0' TERM INT
            while kill -0 $server 2>/dev/null; do
              kill -0 __OWNER__ 2>/dev/null || { kill $server; break; }
              sleep 1
            done
            wait $server
            """.Replace("__OWNER__", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        info.ArgumentList.Add(program);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            await DeleteOwnKeysAsync().ConfigureAwait(false);
            return;
        }
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException) { }
        _process.Dispose();
        try { if (_directory is not null) Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>On a shared server, remove what this test wrote (SCAN, never KEYS, which blocks the server).</summary>
    private async Task DeleteOwnKeysAsync()
    {
        try
        {
            await using var connection = await ConnectAsync().ConfigureAwait(false);
            var cursor = "0";
            do
            {
                var page = (await connection.ExecuteAsync("SCAN", cursor, "MATCH", KeyPrefix + "*", "COUNT", "1000").ConfigureAwait(false)).AsArray();
                cursor = page[0].AsString()!;
                var keys = page[1].AsArray().Select(k => k.AsString()!).ToArray();
                if (keys.Length > 0) await connection.ExecuteAsync("DEL", keys).ConfigureAwait(false);
            } while (cursor != "0");
        }
        catch (RedisConnectionException) { }
    }

    private sealed class RedisServerStartException(string message) : Exception(message);
}
