using System.Text;

namespace NetCourse.Lesson09.Benchmarks;

public sealed record BenchmarkResult(string Backend, int Users, int Nodes, double HeapBytesPerUser, ClientResult Clients, int ServiceFaults)
{
    public static string Table(IReadOnlyList<BenchmarkResult> results, BenchmarkOptions options)
    {
        string Row(string name, Func<BenchmarkResult, string> cell) => $"| {name} | {string.Join(" | ", results.Select(cell))} |";
        var text = new StringBuilder();
        text.AppendLine($"{options.Users:N0} users on {options.Nodes} nodes; {options.LatencyMessages:N0} messages one at a time, then {options.Messages:N0} with {options.Concurrency} in flight");
        text.AppendLine(Row("Measure", r => r.Backend));
        text.AppendLine(Row("---", _ => "---:"));
        text.AppendLine(Row("connect every user", r => $"{r.Clients.ConnectSeconds:0.0} s ({r.Users / r.Clients.ConnectSeconds:N0}/s)"));
        text.AppendLine(Row("managed heap per connected user", r => $"{r.HeapBytesPerUser / 1024:0.0} KB"));
        text.AppendLine(Row("latency one at a time, p50 / p99", r => $"{r.Clients.Idle.P50Ms:0.00} / {r.Clients.Idle.P99Ms:0.00} ms"));
        text.AppendLine(Row($"latency, {options.Concurrency} in flight, p50 / p99", r => $"{r.Clients.Loaded.P50Ms:0.0} / {r.Clients.Loaded.P99Ms:0.0} ms"));
        text.AppendLine(Row($"throughput, {options.Concurrency} in flight", r => $"{r.Clients.Loaded.MessagesPerSecond:N0} msg/s"));
        text.AppendLine(Row("messages arrived / duplicates", r => $"{r.Clients.Received:N0} / {r.Clients.Duplicates}"));
        text.Append(Row("errors inside the services", r => $"{r.ServiceFaults}"));
        return text.ToString();
    }
}
