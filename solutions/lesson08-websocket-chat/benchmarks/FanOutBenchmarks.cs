using BenchmarkDotNet.Attributes;

namespace NetCourse.Lesson08.Benchmarks;

/// <summary>One message to a room of 1,000 clients, until the last one has it. Per message, so
/// deliveries per second are Clients / Mean.</summary>
public class FanOutBenchmarks
{
    private FanOut? _room;

    [Params(1_000)]
    public int Clients { get; set; }

    // Synchronous on purpose: the in-process toolchain does not await an async setup.
    [GlobalSetup(Target = nameof(Naive_server_one_message_to_all))]
    public void SetupNaive() => _room = FanOut.StartAsync("naive", Clients).GetAwaiter().GetResult();

    [GlobalSetup(Target = nameof(ChatServer_one_message_to_all))]
    public void SetupChat() => _room = FanOut.StartAsync("chat", Clients).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _room?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task Naive_server_one_message_to_all() => _room!.SendOneAsync();

    [Benchmark]
    public Task ChatServer_one_message_to_all() => _room!.SendOneAsync();
}
