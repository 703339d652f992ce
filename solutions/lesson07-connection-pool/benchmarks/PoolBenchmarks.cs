using BenchmarkDotNet.Attributes;

namespace NetCourse.Lesson07.Benchmarks;

/// <summary>One borrower: the cost of a get and a return when a connection is idle.</summary>
public class UncontendedBenchmarks
{
    private ConnectionPool<NoopConnection> _pool = null!;
    private ChannelPool _channelPool = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pool = new ConnectionPool<NoopConnection>(new NoopDialer(), new ConnectionPoolOptions { MaxConnections = 8 });
        _channelPool = new ChannelPool(new NoopDialer(), 8);
        _pool.Return(_pool.GetAsync().GetAwaiter().GetResult());
        _channelPool.Return(_channelPool.GetAsync().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup() => _pool.Dispose();

    [Benchmark(Baseline = true)]
    public void ChannelPool_get_and_return() =>
        _channelPool.Return(_channelPool.GetAsync().GetAwaiter().GetResult());

    [Benchmark]
    public void ConnectionPool_get_and_return() =>
        _pool.Return(_pool.GetAsync().GetAwaiter().GetResult());
}

/// <summary>16 borrowers at once on 4 connections: most gets wait for a return.</summary>
public class ContendedBenchmarks
{
    private const int Borrowers = 16;
    private const int CyclesPerBorrower = 2_000;
    private const int MaxConnections = 4;

    [Benchmark(Baseline = true, OperationsPerInvoke = Borrowers * CyclesPerBorrower)]
    public Task ChannelPool_16_borrowers()
    {
        var pool = new ChannelPool(new NoopDialer(), MaxConnections);
        return Run(async () =>
        {
            for (var i = 0; i < CyclesPerBorrower; i++) pool.Return(await pool.GetAsync());
        });
    }

    [Benchmark(OperationsPerInvoke = Borrowers * CyclesPerBorrower)]
    public async Task ConnectionPool_16_borrowers()
    {
        using var pool = new ConnectionPool<NoopConnection>(new NoopDialer(), new ConnectionPoolOptions { MaxConnections = MaxConnections });
        await Run(async () =>
        {
            for (var i = 0; i < CyclesPerBorrower; i++) pool.Return(await pool.GetAsync());
        });
    }

    private static Task Run(Func<Task> borrower) =>
        Task.WhenAll(Enumerable.Range(0, Borrowers).Select(_ => Task.Run(borrower)));
}
