using System.Globalization;

namespace NetCourse.Lesson09.Benchmarks;

public sealed record BenchmarkOptions(int Users, int Nodes, int Messages, int Concurrency, int LatencyMessages, IReadOnlyList<string> Backends)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(10_000, 3, 50_000, 64, 2_000, ["memory", "redis"]);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--users" => options with { Users = Int(args[i + 1]) },
                "--nodes" => options with { Nodes = Int(args[i + 1]) },
                "--messages" => options with { Messages = Int(args[i + 1]) },
                "--concurrency" => options with { Concurrency = Int(args[i + 1]) },
                "--latency-messages" => options with { LatencyMessages = Int(args[i + 1]) },
                "--backend" => options with { Backends = args[i + 1] == "both" ? ["memory", "redis"] : [args[i + 1]] },
                var unknown => throw new ArgumentException($"Unknown option {unknown}."),
            };
        }
        return options;
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
