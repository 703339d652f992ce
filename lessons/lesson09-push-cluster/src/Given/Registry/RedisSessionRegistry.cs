using System.Globalization;
using NetCourse.Redis;

namespace NetCourse.Lesson09;

/// <summary>
/// The registry on a Redis server, shared by every node and dispatch: one string key per user,
/// <c>{prefix}session:{user}</c> → node, with a TTL in milliseconds. Redis expires the key itself,
/// so a dead node's entries vanish on the server's clock. The conditional operations (renew only
/// one's own entries, delete only one's own) run as Lua scripts: each is one atomic step on the
/// server, so no other client's SET can slip between the check and the change.
/// </summary>
public sealed class RedisSessionRegistry(RedisConnection redis, string keyPrefix = "") : ISessionRegistry
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

    private readonly RedisConnection _redis = redis ?? throw new ArgumentNullException(nameof(redis));

    public string KeyOf(string userId) => $"{keyPrefix}session:{userId}";

    public async Task RegisterAsync(string userId, string node, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(node);
        await _redis.ExecuteAsync(["SET", KeyOf(userId), node, "PX", Milliseconds(ttl)], cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> RenewAsync(string node, IReadOnlyCollection<string> userIds, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentNullException.ThrowIfNull(userIds);
        var ttlText = Milliseconds(ttl);
        // The slices go out together: the connection pipelines them.
        var slices = userIds.Chunk(RenewSlice).Select(async slice =>
        {
            string[] command = ["EVAL", RenewScript, slice.Length.ToString(CultureInfo.InvariantCulture), .. slice.Select(KeyOf), node, ttlText];
            var reply = await _redis.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
            return reply.AsArray().Select(position => slice[(int)position.AsInteger() - 1]);
        }).ToList();
        return [.. (await Task.WhenAll(slices).ConfigureAwait(false)).SelectMany(lost => lost)];
    }

    public async Task<string?> LookupAsync(string userId, CancellationToken cancellationToken = default) =>
        (await _redis.ExecuteAsync(["GET", KeyOf(userId)], cancellationToken).ConfigureAwait(false)).AsString();

    public async Task<bool> UnregisterAsync(string userId, string node, CancellationToken cancellationToken = default) =>
        (await _redis.ExecuteAsync(["EVAL", UnregisterScript, "1", KeyOf(userId), node], cancellationToken).ConfigureAwait(false)).AsInteger() == 1;

    public async Task<TimeSpan?> TimeToLiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        var milliseconds = (await _redis.ExecuteAsync(["PTTL", KeyOf(userId)], cancellationToken).ConfigureAwait(false)).AsInteger();
        // -2: no such key; -1: a key without expiry (never written by this class).
        return milliseconds switch
        {
            -2 => null,
            -1 => Timeout.InfiniteTimeSpan,
            _ => TimeSpan.FromMilliseconds(milliseconds),
        };
    }

    private static string Milliseconds(TimeSpan ttl)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        // Rounded up: a TTL under a millisecond is still a TTL, not "no expiry".
        return ((long)Math.Ceiling(ttl.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
    }
}
