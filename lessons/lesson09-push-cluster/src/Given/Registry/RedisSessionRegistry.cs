using System.Globalization;
using StackExchange.Redis;

namespace NetCourse.Lesson09;

/// <summary>
/// The registry on a Redis server, shared by every node and dispatch: one string key per user,
/// <c>{prefix}session:{user}</c> → node, with a TTL in milliseconds. Redis expires the key itself,
/// so a dead node's entries vanish on the server's clock. The conditional operations (renew only
/// one's own entries, delete only one's own) run as Lua scripts: each is one atomic step on the
/// server, so no other client's SET can slip between the check and the change. StackExchange.Redis
/// runs them by EVALSHA once the server has the script, so its text crosses the network once.
/// </summary>
public sealed class RedisSessionRegistry(IDatabase redis, string keyPrefix = "") : ISessionRegistry
{
    // Renews each key of KEYS still holding ARGV[1]; returns the (1-based) positions of the others.
    private const string RenewScript = """
        local lost = {}
        for i, key in ipairs(KEYS) do
          if redis.call('GET', key) == ARGV[1] then
            redis.call('PEXPIRE', key, ARGV[2])
          else
            lost[#lost + 1] = i
          end
        end
        return lost
        """;

    // Deletes KEYS[1] only if it still holds ARGV[1].
    private const string UnregisterScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    // One script call renews at most this many users: the server runs a script to its end before
    // anything else, so a node with many users renews them in slices, not in one long pause.
    private const int RenewSlice = 500;

    private readonly IDatabase _redis = redis ?? throw new ArgumentNullException(nameof(redis));

    public string KeyOf(string userId) => $"{keyPrefix}session:{userId}";

    public async Task RegisterAsync(string userId, string node, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(node);
        // SET key node PX ttl (EX when the TTL is whole seconds: the same expiry): entry and expiry in one command.
        await RedisCall.RunAsync(_redis.StringSetAsync(KeyOf(userId), node, Milliseconds(ttl)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> RenewAsync(string node, IReadOnlyCollection<string> userIds, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(userIds);
        RedisValue[] arguments = [node, MillisecondsText(ttl)];
        // The slices go out together: the multiplexer pipelines them.
        var slices = userIds.Chunk(RenewSlice).Select(async slice =>
        {
            RedisKey[] keys = [.. slice.Select(userId => (RedisKey)KeyOf(userId))];
            var reply = await RedisCall.RunAsync(_redis.ScriptEvaluateAsync(RenewScript, keys, arguments), cancellationToken).ConfigureAwait(false);
            return ((RedisResult[])reply!).Select(position => slice[(int)position - 1]);
        }).ToList();
        return [.. (await Task.WhenAll(slices).ConfigureAwait(false)).SelectMany(lost => lost)];
    }

    public async Task<string?> LookupAsync(string userId, CancellationToken cancellationToken = default) =>
        await RedisCall.RunAsync(_redis.StringGetAsync(KeyOf(userId)), cancellationToken).ConfigureAwait(false);

    public async Task<bool> UnregisterAsync(string userId, string node, CancellationToken cancellationToken = default) =>
        (long)(await RedisCall.RunAsync(_redis.ScriptEvaluateAsync(UnregisterScript, [KeyOf(userId)], [node]), cancellationToken).ConfigureAwait(false)) == 1;

    public async Task<TimeSpan?> TimeToLiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        // PTTL itself, not KeyTimeToLiveAsync: that answers null both for "no key" and for "no expiry".
        var milliseconds = (long)await RedisCall.RunAsync(_redis.ExecuteAsync("PTTL", (RedisKey)KeyOf(userId)), cancellationToken).ConfigureAwait(false);
        // -2: no such key; -1: a key without expiry (never written by this class).
        return milliseconds switch
        {
            -2 => null,
            -1 => Timeout.InfiniteTimeSpan,
            _ => TimeSpan.FromMilliseconds(milliseconds),
        };
    }

    private static TimeSpan Milliseconds(TimeSpan ttl)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        // Rounded up: a TTL under a millisecond is still a TTL, not "no expiry".
        return TimeSpan.FromMilliseconds(Math.Ceiling(ttl.TotalMilliseconds));
    }

    private static string MillisecondsText(TimeSpan ttl) => ((long)Milliseconds(ttl).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
