using System.Diagnostics;

namespace NetCourse.Lesson08.Benchmarks;

/// <summary>
/// Delivery latency of a fan-out: for each of <c>rounds</c> messages, the time from the send to
/// each receiver's arrival; percentiles over every delivery, and deliveries per second. The two
/// servers take turns round by round, so a busy moment of the machine falls on both.
/// </summary>
public static class Latency
{
    public static async Task<int> RunAsync(int clients, int rounds)
    {
        Console.WriteLine($"fan-out of one message to {clients:N0} clients, {rounds} rounds per server, interleaved");
        await using var naive = await FanOut.StartAsync("naive", clients);
        await using var chat = await FanOut.StartAsync("chat", clients);
        var servers = new[] { ("naive (await each client)", naive), ("ChatServer (queue per client)", chat) };
        var latencies = servers.ToDictionary(s => s.Item1, _ => new List<double>());
        var spans = servers.ToDictionary(s => s.Item1, _ => new List<double>());

        for (var round = -10; round < rounds; round++)
        {
            foreach (var (name, fanOut) in servers)
            {
                var sent = await fanOut.SendOneAsync();
                if (round < 0) continue; // warm-up
                long last = 0;
                foreach (var arrival in fanOut.Arrivals)
                {
                    latencies[name].Add(Stopwatch.GetElapsedTime(sent, arrival).TotalMicroseconds);
                    last = Math.Max(last, arrival);
                }
                spans[name].Add(Stopwatch.GetElapsedTime(sent, last).TotalMicroseconds);
            }
        }

        Console.WriteLine($"{"server",-32} {"p50 µs",10} {"p99 µs",10} {"max µs",10} {"last µs (median)",18} {"deliveries/s",14}");
        foreach (var (name, _) in servers)
        {
            var all = latencies[name].Order().ToList();
            var lastMedian = spans[name].Order().ElementAt(spans[name].Count / 2);
            var perSecond = clients / (lastMedian / 1e6);
            Console.WriteLine($"{name,-32} {Percentile(all, 0.50),10:N0} {Percentile(all, 0.99),10:N0} {all[^1],10:N0} {lastMedian,18:N0} {perSecond,14:N0}");
        }
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
