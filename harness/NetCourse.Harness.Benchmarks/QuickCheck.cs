using System.Diagnostics;

namespace NetCourse.Harness.Benchmarks;

/// <summary>
/// <c>--quick</c>: the same four measurements without BenchmarkDotNet's statistics, interleaved
/// (direct, proxied, direct, …) so a busy machine slows both alike, and reported as medians of
/// many samples, which a shared machine's load distorts far less than a short job's means.
/// </summary>
internal static class QuickCheck
{
    public static async Task RunAsync()
    {
        var benchmarks = new ProxyOverheadBenchmarks();
        await benchmarks.SetUp();
        try
        {
            var (direct, proxied) = await InterleavedAsync(benchmarks.Direct_round_trip, benchmarks.Proxied_round_trip, 5000);
            Console.WriteLine($"round trip: direct {direct.TotalMicroseconds:0.0} µs, proxied {proxied.TotalMicroseconds:0.0} µs, added {(proxied - direct).TotalMicroseconds:0.0} µs");
            (direct, proxied) = await InterleavedAsync(benchmarks.Direct_transfer, benchmarks.Proxied_transfer, 200);
            Console.WriteLine($"4 MiB transfer: direct {direct.TotalMicroseconds:0} µs, proxied {proxied.TotalMicroseconds:0} µs, proxied throughput {direct / proxied:0.00}× direct");
        }
        finally
        {
            await benchmarks.CleanUp();
        }
    }

    private static async Task<(TimeSpan Direct, TimeSpan Proxied)> InterleavedAsync(Func<Task> direct, Func<Task> proxied, int samples)
    {
        var a = new List<TimeSpan>();
        var b = new List<TimeSpan>();
        for (var i = 0; i < samples + samples / 10; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await direct();
            var d = Stopwatch.GetElapsedTime(t);
            t = Stopwatch.GetTimestamp();
            await proxied();
            var p = Stopwatch.GetElapsedTime(t);
            if (i < samples / 10) continue; // warm-up
            a.Add(d);
            b.Add(p);
        }
        return (Median(a), Median(b));
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
