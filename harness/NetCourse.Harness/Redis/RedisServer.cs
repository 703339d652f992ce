using System.Diagnostics;
using System.Globalization;
using System.Net;
using NetCourse.Harness.Servers;
using NetCourse.Harness.Tools;
using StackExchange.Redis;

namespace NetCourse.Harness.Redis;

/// <summary>
/// A Redis server and one StackExchange.Redis multiplexer to it: the server named by REDIS_URL
/// when set, otherwise a private <c>redis-server</c> on a free loopback port with persistence
/// off, stopped on dispose. A multiplexer is meant to be shared (connecting costs a handshake of
/// about a second), so tests share one per fixture or per process (<see cref="SharedAsync"/>) and
/// keep apart by <see cref="NewKeyspace">keyspace</see>. With neither REDIS_URL nor redis-server
/// the test is skipped with install advice (and fails where tools are required, see <see cref="ExternalTool"/>).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string UrlVariable = "REDIS_URL";
    private const string InstallAdvice =
        "install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL=redis://host:port";

    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static RedisServer? _shared;

    private readonly ConfigurationOptions _configuration;
    private readonly RedisServerProcess? _process;

    private RedisServer(ConfigurationOptions configuration, ConnectionMultiplexer connection, RedisServerProcess? process)
    {
        _configuration = configuration;
        Connection = connection;
        _process = process;
    }

    /// <summary>The one multiplexer to this server: safe for any number of concurrent callers.</summary>
    public IConnectionMultiplexer Connection { get; }

    /// <summary>The server's TCP end point (resolved when REDIS_URL names a host).</summary>
    public IPEndPoint EndPoint => _configuration.EndPoints[0] switch
    {
        IPEndPoint ip => ip,
        DnsEndPoint dns => new(Dns.GetHostAddresses(dns.Host)[0], dns.Port),
        var other => throw new InvalidOperationException($"Redis end point {other} is neither an IP nor a DNS end point."),
    };

    /// <summary>True when this instance started its own redis-server (false: REDIS_URL's server).</summary>
    public bool IsPrivate => _process is not null;

    /// <summary>A copy of the configuration the multiplexer was made with, for code that connects on its own.</summary>
    public ConfigurationOptions Configuration => _configuration.Clone();

    /// <summary>A fresh key prefix on this server for one test; disposing it deletes its keys.</summary>
    public RedisKeyspace NewKeyspace() => new(Connection, Connection.GetServer(_configuration.EndPoints[0]));

    /// <summary>
    /// The test process's server, started by the first test that asks and stopped when the process
    /// exits: every Redis test of a run shares its redis-server and its one multiplexer.
    /// </summary>
    public static async Task<RedisServer> SharedAsync(CancellationToken cancellationToken = default)
    {
        await SharedGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_shared is null)
            {
                // Not cached on failure: a missing redis-server skips every test that asks, each with the advice.
                _shared = await StartAsync(cancellationToken).ConfigureAwait(false);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            }
            return _shared;
        }
        finally
        {
            SharedGate.Release();
        }
    }

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url && !string.IsNullOrWhiteSpace(url))
        {
            var configuration = RedisUrl.Parse(url);
            return new RedisServer(configuration, await ConnectAsync(configuration).ConfigureAwait(false), process: null);
        }

        var program = ExternalTool.Require("redis-server", InstallAdvice, "redis-server");
        // A free port can be taken between choosing it and redis binding it: try a few.
        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            RedisServerProcess? process = null;
            try
            {
                process = await RedisServerProcess.StartAsync(program, FreePort.Tcp(), cancellationToken).ConfigureAwait(false);
                var configuration = new ConfigurationOptions { EndPoints = { { IPAddress.Loopback, process.Port } } };
                return new RedisServer(configuration, await ConnectAsync(configuration).ConfigureAwait(false), process);
            }
            catch (RedisServerProcess.StartException e)
            {
                last = e;
            }
            catch
            {
                if (process is not null) await process.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        throw new InvalidOperationException($"redis-server did not start after 5 attempts: {last!.Message}", last);
    }

    private static Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
    {
        // Tests would rather fail at once with the reason than wait for reconnects in the background.
        configuration.AbortOnConnectFail = true;
        configuration.ConnectTimeout = (int)TimeSpan.FromSeconds(10).TotalMilliseconds;
        configuration.ClientName = "netcourse-tests";
        return ConnectionMultiplexer.ConnectAsync(configuration);
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync().ConfigureAwait(false);
        if (_process is not null) await _process.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>One redis-server process: started, known ready by its own log line, and stopped.</summary>
    private sealed class RedisServerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private RedisServerProcess(Process process, string directory, int port)
        {
            _process = process;
            _directory = directory;
            Port = port;
        }

        public int Port { get; }

        public static async Task<RedisServerProcess> StartAsync(string program, int port, CancellationToken cancellationToken)
        {
            var directory = Directory.CreateTempSubdirectory("netcourse-redis-").FullName;
            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = StartInfo(program, port, directory), EnableRaisingEvents = true };
            // redis-server says when it listens; waiting for that line is waiting for the event, not polling.
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is null) { ready.TrySetException(new StartException($"redis-server on port {port} exited before it was ready: {string.Join(" | ", log)}")); return; }
                log.Enqueue(line.Data);
                if (line.Data.Contains("eady to accept connections", StringComparison.Ordinal)) ready.TrySetResult();
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new RedisServerProcess(process, directory, port);
            try
            {
                await ready.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch (TimeoutException)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw new StartException($"redis-server on port {port} did not say it was ready within 10 s: {string.Join(" | ", log)}");
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
                "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no",
                // notice: the level that logs "Ready to accept connections", which StartAsync waits for.
                "--loglevel", "notice",
                // Expiry events, so a test can wait for the server to expire a key instead of polling it.
                "--notify-keyspace-events", "Ex",
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
                """.Replace("__OWNER__", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
            info.ArgumentList.Add(program);
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            return info;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException) { }
            _process.Dispose();
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        }

        public sealed class StartException(string message) : Exception(message);
    }
}
