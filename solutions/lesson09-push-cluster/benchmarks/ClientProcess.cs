using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace NetCourse.Lesson09.Benchmarks;

/// <summary>
/// The child process: connects the users (round robin over the nodes), then, on "go", posts
/// messages to collect and times each one from the moment its POST starts to the moment its
/// user's client has it. Two phases: one message at a time (the latency of an idle cluster), then
/// many in flight (throughput, and the latency under that load).
/// </summary>
public static class ClientProcess
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[2 * i + 1]);
        var users = int.Parse(options["--users"], CultureInfo.InvariantCulture);
        var nodes = options["--nodes"].Split(',');
        var issuer = new TokenIssuer(Convert.FromHexString(options["--key"]));
        var messages = int.Parse(options["--messages"], CultureInfo.InvariantCulture);
        var concurrency = int.Parse(options["--concurrency"], CultureInfo.InvariantCulture);
        var latencyMessages = int.Parse(options["--latency-messages"], CultureInfo.InvariantCulture);

        var clients = Enumerable.Range(0, users).Select(i => new PushClient($"user{i:00000}")).ToArray();
        var timing = new Timing(Math.Min(messages, 10_000) + latencyMessages + messages);
        foreach (var client in clients) client.MessageReceived += (_, message) => timing.Arrived(message.Body);

        var connecting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            await clients[i].ConnectAsync(nodes[i % nodes.Length], issuer.Issue(clients[i].UserId, TimeSpan.FromHours(1)), ct));
        var connectSeconds = connecting.Elapsed.TotalSeconds;
        Console.WriteLine($"connected {users} users in {connectSeconds:0.0} s");
        if (await Console.In.ReadLineAsync() != "go") return 1;

        using var http = ClusterHttp.CreateClient();
        var collect = new CollectClient(http, options["--collect"]);
        var random = new Random(1);
        var warmUp = Math.Min(messages, 10_000);
        var targets = Enumerable.Range(0, warmUp + latencyMessages + messages).Select(_ => clients[random.Next(users)].UserId).ToArray();

        // Not measured: the code of both processes reaches its optimized (tier 1) form first.
        await RunPhaseAsync(collect, timing, targets, 0, warmUp, concurrency);
        var idle = await RunPhaseAsync(collect, timing, targets, warmUp, latencyMessages, concurrency: 1);
        var loaded = await RunPhaseAsync(collect, timing, targets, warmUp + latencyMessages, messages, concurrency);
        var result = new ClientResult(users, connectSeconds, idle, loaded,
            clients.Sum(c => c.DuplicatesDropped), clients.Sum(c => c.ReceivedCount));
        Console.WriteLine("result " + JsonSerializer.Serialize(result));

        await Console.In.ReadToEndAsync();
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        return 0;
    }

    private static async Task<PhaseResult> RunPhaseAsync(CollectClient collect, Timing timing, string[] targets, int first, int count, int concurrency)
    {
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (seq, ct) =>
            await collect.PostAsync(targets[seq], timing.Posting(seq), ct));
        var deadline = Stopwatch.StartNew();
        while (timing.ArrivedCount(first, count) < count && deadline.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(5);
        var lastArrival = timing.LastArrival(first, count);
        var seconds = Stopwatch.GetElapsedTime(started, lastArrival).TotalSeconds;
        var latencies = timing.Latencies(first, count);
        return new PhaseResult(count, concurrency, latencies.Length,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), count / seconds);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>When each message was posted (written into its body) and when it arrived.</summary>
    private sealed class Timing(int messages)
    {
        private readonly long[] _posted = new long[messages];
        private readonly long[] _arrived = new long[messages];

        public string Posting(int seq)
        {
            var now = Stopwatch.GetTimestamp();
            _posted[seq] = now;
            return seq.ToString(CultureInfo.InvariantCulture);
        }

        public void Arrived(string body)
        {
            if (int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq < _arrived.Length)
                Interlocked.CompareExchange(ref _arrived[seq], Stopwatch.GetTimestamp(), 0);
        }

        public int ArrivedCount(int first, int count) => _arrived.AsSpan(first, count).ToArray().Count(t => t != 0);

        public long LastArrival(int first, int count) => _arrived.AsSpan(first, count).ToArray().Max();

        public double[] Latencies(int first, int count) =>
            [.. Enumerable.Range(first, count).Where(i => _arrived[i] != 0)
                .Select(i => Stopwatch.GetElapsedTime(_posted[i], _arrived[i]).TotalMilliseconds).Order()];
    }
}

public sealed record PhaseResult(int Messages, int Concurrency, int Arrived, double P50Ms, double P99Ms, double MessagesPerSecond)
{
    public override string ToString() =>
        $"{Messages:N0} messages, {Concurrency} in flight: {Arrived:N0} arrived, p50 {P50Ms:0.00} ms, p99 {P99Ms:0.00} ms, {MessagesPerSecond:N0} msg/s";
}

public sealed record ClientResult(int Users, double ConnectSeconds, PhaseResult Idle, PhaseResult Loaded, int Duplicates, int Received)
{
    public override string ToString() =>
        $"connect {Users:N0} users: {ConnectSeconds:0.0} s; one at a time: {Idle}; loaded: {Loaded}; duplicates dropped {Duplicates}, received {Received:N0}";
}
