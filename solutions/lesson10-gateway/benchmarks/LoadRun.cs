using System.Diagnostics;

namespace NetCourse.Lesson10.Benchmarks;

/// <summary>What one target did under load: requests per second, and latency percentiles.</summary>
internal sealed record LoadResult(string Target, long Requests, long Errors, double Seconds, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>
/// A closed-loop load: <c>concurrency</c> workers, each sending its next GET as soon as the last one
/// answered, for a fixed time after a warm-up. Latency is measured per request on one clock.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string target, Uri url, int concurrency, TimeSpan warmUp, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        }) { Timeout = TimeSpan.FromSeconds(10) };

        await Phase(client, url, concurrency, warmUp, measure: null);
        var latencies = new List<double>[concurrency];
        for (var i = 0; i < concurrency; i++) latencies[i] = new List<double>(100_000);
        var started = Stopwatch.GetTimestamp();
        var errors = await Phase(client, url, concurrency, duration, latencies);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(target, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static async Task<long> Phase(HttpClient client, Uri url, int concurrency, TimeSpan length, List<double>[]? measure)
    {
        var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        long errors = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var buffer = new byte[4096];
            while (Stopwatch.GetTimestamp() < until)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer) > 0) { }
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                measure?[worker].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }));
        return errors;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
