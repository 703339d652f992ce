using NetCourse.Redis;

namespace NetCourse.Lesson09;

/// <summary>The registry and store one service works with, and the connection behind them.</summary>
public sealed class ServiceBackends(ISessionRegistry registry, IMessageStore store, IAsyncDisposable? connection = null) : IAsyncDisposable
{
    public ISessionRegistry Registry { get; } = registry;

    public IMessageStore Store { get; } = store;

    public ValueTask DisposeAsync() => connection?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>
/// Where a cluster keeps its registry and store: in this process's memory (the default: no server
/// needed), or on a Redis server. Every service connects on its own, as separate processes would.
/// </summary>
public abstract class ClusterBackend
{
    public abstract string Name { get; }

    /// <summary>The registry and store as one service sees them.</summary>
    public abstract Task<ServiceBackends> ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Shared objects in memory; entries expire on <paramref name="time"/> (a manual clock in tests).</summary>
    public static ClusterBackend InMemory(TimeProvider? time = null) => new InMemoryBackend(time ?? TimeProvider.System);

    /// <summary>A Redis server (<c>redis://host:port</c>); every key starts with <paramref name="keyPrefix"/>.</summary>
    public static ClusterBackend Redis(string url, string keyPrefix = "") => new RedisBackend(url, keyPrefix);

    public override string ToString() => Name;

    private sealed class InMemoryBackend(TimeProvider time) : ClusterBackend
    {
        private readonly InMemorySessionRegistry _registry = new(time);
        private readonly InMemoryMessageStore _store = new();

        public override string Name => "in-memory";

        public override Task<ServiceBackends> ConnectAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new ServiceBackends(_registry, _store));
    }

    private sealed class RedisBackend(string url, string keyPrefix) : ClusterBackend
    {
        public override string Name => "Redis";

        public override async Task<ServiceBackends> ConnectAsync(CancellationToken cancellationToken = default)
        {
            var connection = await RedisConnection.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            return new ServiceBackends(new RedisSessionRegistry(connection, keyPrefix), new RedisMessageStore(connection, keyPrefix), connection);
        }
    }
}
