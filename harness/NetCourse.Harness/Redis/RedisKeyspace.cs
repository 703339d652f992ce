using System.Globalization;
using StackExchange.Redis;

namespace NetCourse.Harness.Redis;

/// <summary>
/// One test's part of a Redis server: every key it writes starts with <see cref="Prefix"/>, unique
/// per keyspace, so tests sharing a server (the process's, or REDIS_URL's) never see each other's
/// data. Disposing deletes the keyspace's keys.
/// </summary>
public sealed class RedisKeyspace : IAsyncDisposable
{
    // Every key of KEYS with an expiry moves ARGV[1] ms closer to it; a key whose time runs out
    // is deleted, as the server would expire it. Keys without expiry (-1) are left alone.
    private const string AdvanceScript = """
        local by = tonumber(ARGV[1])
        local expired = 0
        for _, key in ipairs(KEYS) do
          local left = redis.call('PTTL', key)
          if left >= 0 then
            if left <= by then
              redis.call('DEL', key)
              expired = expired + 1
            else
              redis.call('PEXPIRE', key, left - by)
            end
          end
        end
        return expired
        """;

    private const int Slice = 500;

    private readonly IServer _server;

    internal RedisKeyspace(IConnectionMultiplexer connection, IServer server)
    {
        Connection = connection;
        _server = server;
        Database = connection.GetDatabase();
        Prefix = $"netcourse:{Guid.NewGuid():N}:";
    }

    /// <summary>The multiplexer the keyspace's server is reached through (shared: do not dispose it).</summary>
    public IConnectionMultiplexer Connection { get; }

    public IDatabase Database { get; }

    /// <summary>Put every key under this prefix.</summary>
    public string Prefix { get; }

    /// <summary>The keyspace's keys now (SCAN, never KEYS, which blocks a shared server).</summary>
    public async Task<IReadOnlyList<RedisKey>> KeysAsync()
    {
        var keys = new List<RedisKey>();
        await foreach (var key in _server.KeysAsync(Database.Database, Prefix + "*", pageSize: 1000).ConfigureAwait(false)) keys.Add(key);
        return keys;
    }

    /// <summary>
    /// Lets <paramref name="by"/> pass for the keyspace's expiries, as a manual clock does for code
    /// under test: a key with less time to live is deleted, the others keep what is left. Redis's
    /// own clock cannot be moved, so tests that are about TTLs move the TTLs instead of waiting.
    /// </summary>
    /// <returns>How many keys expired.</returns>
    public async Task<int> AdvanceExpiryAsync(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        RedisValue[] milliseconds = [((long)Math.Ceiling(by.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture)];
        var expired = 0;
        foreach (var slice in (await KeysAsync().ConfigureAwait(false)).Chunk(Slice))
            expired += (int)await Database.ScriptEvaluateAsync(AdvanceScript, slice, milliseconds).ConfigureAwait(false);
        return expired;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var slice in (await KeysAsync().ConfigureAwait(false)).Chunk(Slice))
                await Database.KeyDeleteAsync(slice).ConfigureAwait(false);
        }
        catch (RedisConnectionException) { } // the server is gone, and its keys with it
    }
}
