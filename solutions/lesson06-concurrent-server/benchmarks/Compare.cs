using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetCourse.Lesson06.Benchmarks;

/// <summary>
/// Requests per second of LineServer against the Go server, in alternating rounds of one run: the
/// shared machine's load changes from minute to minute, so only figures taken side by side compare.
/// Every server runs in a process of its own (the Go one cannot do otherwise), and the same C#
/// load client, in this process, drives each in turn; each server's CPU time per request is read
/// from its process, which the machine's load disturbs less than the rate.
/// <list type="bullet">
/// <item><c>line</c>, <c>naive</c>: this program's servers, in a child process;</item>
/// <item><c>go</c>: go-server/main.go (needs <c>go</c> on PATH);</item>
/// <item><c>NAME=PATH</c>: another build of this program serving <c>line</c> (a version before a change);</item>
/// <item><c>line-in-process</c>: LineServer in the client's process, as in the BenchmarkDotNet job;</item>
/// <item><c>at:ADDRESS:PORT</c>: a server already running (to profile it).</item>
/// </list>
/// </summary>
public static class Compare
{
    public static async Task<int> RunAsync(int rounds, int clients, int requestsPerClient, string[] servers)
    {
        var running = new List<(string Name, IPEndPoint EndPoint, IDisposable Process, Func<TimeSpan>? Cpu)>();
        foreach (var name in servers)
        {
            if (name == "go")
            {
                GoServer go;
                try
                {
                    go = GoServer.Start();
                }
                catch (InvalidOperationException e)
                {
                    Console.WriteLine($"  go skipped: {e.Message}");
                    continue;
                }
                running.Add(("go", go.EndPoint, go, () => go.ProcessorTime));
            }
            else if (name.StartsWith("at:"))
            {
                // A server already running, at ADDRESS:PORT.
                running.Add((name, IPEndPoint.Parse(name[3..]), new Stopper(null), null));
            }
            else if (name == "line-in-process")
            {
                // The client's own process and thread pool, as the BenchmarkDotNet job does.
                var line = new LineServer(RandomNumbers.Handler(), new LineServerOptions { MaxConnections = 10_000 });
                line.Start();
                running.Add((name, line.LocalEndPoint, new Stopper(line), null));
            }
            else
            {
                var child = name.Split('=') is [_, var path] ? ChildServer.Start("line", path) : ChildServer.Start(name);
                running.Add((name.Split('=')[0], child.EndPoint, child, () => child.ProcessorTime));
            }
        }
        Console.WriteLine($"{rounds} rounds, {clients} clients × {requestsPerClient} round trips each, servers alternating: {string.Join(", ", running.Select(r => r.Name))}");
        var results = running.ToDictionary(r => r.Name, _ => new List<double>());
        var cpu = running.ToDictionary(r => r.Name, _ => new List<double>());
        try
        {
            // Warm-up rounds for 5 s each: .NET compiles the hot paths again and again in the first
            // seconds (tiered compilation, then dynamic PGO), and Go has nothing to warm up.
            foreach (var (_, endPoint, _, _) in running)
                for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(5);)
                    await RoundAsync(endPoint, clients, requestsPerClient);
            for (var round = 0; round < rounds; round++)
            {
                // Alternate the order too, so that neither always runs after the other.
                var order = round % 2 == 0 ? running : Enumerable.Reverse(running).ToList();
                foreach (var (name, endPoint, _, cpuTime) in order)
                {
                    var cpuBefore = cpuTime?.Invoke();
                    results[name].Add(await RoundAsync(endPoint, clients, requestsPerClient));
                    if (cpuTime is not null) cpu[name].Add((cpuTime() - cpuBefore!.Value).TotalMicroseconds / (clients * requestsPerClient));
                }
                Console.WriteLine($"  round {round + 1,2}: " + string.Join("  ", running.Select(r => $"{r.Name} {results[r.Name][^1],9:N0} req/s")));
            }
        }
        finally
        {
            foreach (var (_, _, process, _) in running) process.Dispose();
        }
        foreach (var (name, values) in results)
            Console.WriteLine($"  {name,-15} mean {values.Average(),9:N0} req/s   median {Median(values),9:N0} req/s"
                + (cpu[name].Count > 0 ? $"   server CPU per request: median {Median(cpu[name]):0.0} µs" : ""));
        if (results.TryGetValue("go", out var goValues))
            foreach (var (name, values) in results.Where(r => r.Key != "go"))
                Console.WriteLine($"  {name} / go: {values.Average() / goValues.Average():0.00} (means), {Median(values) / Median(goValues):0.00} (medians), "
                    + $"{values.Zip(goValues, (a, b) => a / b).OrderBy(x => x).ElementAt(values.Count / 2):0.00} (median of the per-round ratios)");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    // New connections each round, all open before the clock starts.
    private static async Task<double> RoundAsync(IPEndPoint server, int clients, int requestsPerClient)
    {
        var sockets = new Socket[clients];
        for (var i = 0; i < clients; i++)
        {
            sockets[i] = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await sockets[i].ConnectAsync(server);
        }
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(sockets.Select(s => Task.Run(() => RoundTripsAsync(s, requestsPerClient))));
        var elapsed = watch.Elapsed;
        foreach (var socket in sockets) socket.Dispose();
        return clients * requestsPerClient / elapsed.TotalSeconds;
    }

    private static readonly byte[] Request = Encoding.ASCII.GetBytes("next\n");

    private static async Task RoundTripsAsync(Socket socket, int requests)
    {
        var buffer = new byte[256];
        for (var i = 0; i < requests; i++)
        {
            await socket.SendAsync(Request);
            int read;
            do read = await socket.ReceiveAsync(buffer);
            while (read > 0 && buffer[read - 1] != (byte)'\n');
            if (read == 0) throw new IOException("The server closed the connection.");
        }
    }

    /// <summary>This program again, serving `line` or `naive` on a port it prints, until its
    /// standard input closes.</summary>
    private sealed class ChildServer : IDisposable
    {
        private readonly Process _process;
        public IPEndPoint EndPoint { get; }

        public TimeSpan ProcessorTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        private ChildServer(Process process, IPEndPoint endPoint) => (_process, EndPoint) = (process, endPoint);

        // This program again (through `dotnet`, naming the assembly, or its own app host), or another build of it.
        public static ChildServer Start(string server, string? program = null)
        {
            var self = program ?? Environment.ProcessPath!;
            string[] arguments = program is null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? [typeof(Compare).Assembly.Location] : [];
            var process = Process.Start(new ProcessStartInfo(self, [.. arguments, "serve", server])
            { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false })!;
            var address = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"The {server} server printed no address.");
            return new ChildServer(process, IPEndPoint.Parse(address));
        }

        public void Dispose()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill();
            _process.Dispose();
        }
    }

    private sealed class Stopper(LineServer? server) : IDisposable
    {
        public void Dispose() => server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The child: serves until its standard input closes.</summary>
    public static async Task<int> ServeAsync(string server)
    {
        if (server == "naive")
        {
            await using var naive = new NaiveServer();
            Console.WriteLine(naive.EndPoint);
            await Console.In.ReadToEndAsync();
        }
        else
        {
            await using var line = new LineServer(RandomNumbers.Handler(), new LineServerOptions { MaxConnections = 10_000 });
            line.Start();
            Console.WriteLine(line.LocalEndPoint);
            await Console.In.ReadToEndAsync();
        }
        return 0;
    }
}
