using System.Diagnostics;
using System.Text.Json;
using NetCourse.Harness.Redis;

namespace NetCourse.Lesson09.Benchmarks;

/// <summary>
/// One measured run: the cluster lives in this process, the clients and the producer in a child
/// process (10,000 client sockets and 10,000 server sockets would not fit one process's file
/// descriptor limit, and the clients' memory must not count as the nodes'). The managed heap is
/// measured, after full collections, before and after the users connect.
/// </summary>
public static class ClusterRun
{
    public static async Task<BenchmarkResult> RunAsync(string backendName, BenchmarkOptions options)
    {
        Console.WriteLine($"[{backendName}] starting the cluster: {options.Nodes} nodes");
        // REDIS_URL's server, or a private redis-server without persistence, as the tests run it.
        await using var redis = backendName == "redis" ? await RedisServer.StartAsync() : null;
        var backend = redis is null ? ClusterBackend.InMemory() : ClusterBackend.Redis(redis.Connection, "bench:");
        var key = TokenIssuer.NewKey();
        await using var cluster = await PushCluster.StartAsync(backend, new PushClusterOptions { Nodes = options.Nodes, SigningKey = key });

        // Warm the path once (JIT, pools) before measuring the heap.
        await WarmUpAsync(cluster);
        var heapBefore = FullyCollectedHeap();

        using var child = Process.Start(new ProcessStartInfo(SelfPath,
        [
            .. SelfArguments, "clients", "--users", $"{options.Users}", "--nodes", string.Join(',', cluster.Nodes.Select(n => n.Address)),
            "--collect", cluster.CollectAddress, "--key", Convert.ToHexString(key), "--messages", $"{options.Messages}",
            "--concurrency", $"{options.Concurrency}", "--latency-messages", $"{options.LatencyMessages}",
        ]) { RedirectStandardInput = true, RedirectStandardOutput = true })!;

        var connected = await ExpectAsync(child, "connected");
        Console.WriteLine($"[{backendName}] {connected}");
        var watch = Stopwatch.StartNew();
        while (cluster.Nodes.Sum(n => n.Node.ConnectedUsers) < options.Users)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60)) throw new InvalidOperationException("The nodes do not count every user as connected.");
            await Task.Delay(100);
        }
        var perUserHeap = (FullyCollectedHeap() - heapBefore) / (double)options.Users;
        Console.WriteLine($"[{backendName}] {options.Users:N0} users connected: managed heap +{perUserHeap / 1024:0.00} KB per user");

        await child.StandardInput.WriteLineAsync("go");
        await child.StandardInput.FlushAsync();
        var resultLine = await ExpectAsync(child, "result");
        var result = JsonSerializer.Deserialize<ClientResult>(resultLine["result ".Length..])!;
        Console.WriteLine($"[{backendName}] {result}");
        child.StandardInput.Close();
        await child.WaitForExitAsync();
        return new BenchmarkResult(backendName == "redis" ? "Redis" : "in memory", options.Users, options.Nodes, perUserHeap, result, cluster.Faults.Count);
    }

    private static async Task WarmUpAsync(PushCluster cluster)
    {
        await using var client = new PushClient("warm-up");
        await client.ConnectAsync(cluster.Nodes[0].Address, cluster.IssueToken("warm-up"));
        for (var i = 0; i < 200; i++) await cluster.Collect.PostAsync("warm-up", "x");
        var watch = Stopwatch.StartNew();
        while (client.ReceivedCount < 200 && watch.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        await client.DisconnectAsync();
    }

    private static async Task<string> ExpectAsync(Process child, string prefix)
    {
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
            Console.WriteLine($"  (clients) {line}");
        }
        throw new InvalidOperationException($"The client process ended before saying '{prefix}' (exit code {(child.HasExited ? child.ExitCode : -1)}).");
    }

    private static long FullyCollectedHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    // This program again: through `dotnet` (then naming the assembly) or through its own app host.
    private static string SelfPath => Environment.ProcessPath!;

    private static string[] SelfArguments =>
        Path.GetFileNameWithoutExtension(SelfPath) == "dotnet" ? [typeof(ClusterRun).Assembly.Location] : [];
}
