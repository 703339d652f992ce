using StackExchange.Redis;

namespace NetCourse.Lesson09;

/// <summary>The registry and store one service works with, and what to dispose with them (if anything).</summary>
public sealed class ServiceBackends(ISessionRegistry registry, IMessageStore store, IAsyncDisposable? connection = null) : IAsyncDisposable
{
    public ISessionRegistry Registry { get; } = registry;

    public IMessageStore Store { get; } = store;

    public ValueTask DisposeAsync() => connection?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>
/// Where a cluster keeps its registry and store: in this process's memory (the default: no server
/// needed), or on a Redis server. On Redis the services of one process share one multiplexer, as
/// StackExchange.Redis advises (one per process: it pipelines every caller's commands over one
/// connection, and connecting costs a handshake); separate processes would each have their own.
/// </summary>
public abstract class ClusterBackend
{
    public abstract string Name { get; }

    /// <summary>The registry and store as one service sees them.</summary>
    public abstract Task<ServiceBackends> ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Shared objects in memory; entries expire on <paramref name="time"/> (a manual clock in tests).</summary>
    public static ClusterBackend InMemory(TimeProvider? time = null) => new InMemoryBackend(time ?? TimeProvider.System);

    /// <summary>The Redis server of <paramref name="redis"/> (the caller's multiplexer, which it keeps
    /// and disposes); every key starts with <paramref name="keyPrefix"/>.</summary>
    public static ClusterBackend Redis(IConnectionMultiplexer redis, string keyPrefix = "") =>
        new RedisBackend(redis ?? throw new ArgumentNullException(nameof(redis)), keyPrefix);

    public override string ToString() => Name;

    private sealed class InMemoryBackend(TimeProvider time) : ClusterBackend
    {
        private readonly InMemorySessionRegistry _registry = new(time);
        private readonly InMemoryMessageStore _store = new();

        public override string Name => "in-memory";

        public override Task<ServiceBackends> ConnectAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new ServiceBackends(_registry, _store));
    }

    private sealed class RedisBackend(IConnectionMultiplexer redis, string keyPrefix) : ClusterBackend
    {
        public override string Name => "Redis";

        public override Task<ServiceBackends> ConnectAsync(CancellationToken cancellationToken = default)
        {
            var database = redis.GetDatabase();
            return Task.FromResult(new ServiceBackends(new RedisSessionRegistry(database, keyPrefix), new RedisMessageStore(database, keyPrefix)));
        }
    }
}
