using System.Globalization;
using NetCourse.Redis;

namespace NetCourse.Lesson09;

/// <summary>
/// The store on a Redis server: a counter <c>{prefix}message-id</c> for ids and one hash per user,
/// <c>{prefix}pending:{user}</c>, id → body. Adding is one Lua script (take an id, store the body),
/// so a message is never half stored. A server run with persistence (<c>appendonly yes</c>,
/// <c>appendfsync always</c>) keeps the messages across its own restarts; the tests' private
/// servers run without it.
/// </summary>
public sealed class RedisMessageStore(RedisConnection redis, string keyPrefix = "") : IMessageStore
{
    private const string AddScript = """
        local id = redis.call('INCR', KEYS[1])
        redis.call('HSET', KEYS[2], id, ARGV[1])
        return id
        """;

    private readonly RedisConnection _redis = redis ?? throw new ArgumentNullException(nameof(redis));

    private string IdsKey => $"{keyPrefix}message-id";

    public string KeyOf(string userId) => $"{keyPrefix}pending:{userId}";

    public async Task<PushMessage> AddAsync(string userId, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(body);
        var id = await _redis.ExecuteAsync(["EVAL", AddScript, "2", IdsKey, KeyOf(userId), body], cancellationToken).ConfigureAwait(false);
        return new PushMessage(id.AsInteger(), userId, body);
    }

    public async Task<IReadOnlyList<PushMessage>> PendingAsync(string userId, CancellationToken cancellationToken = default)
    {
        // HGETALL answers field, value, field, value, … in no particular order.
        var pairs = (await _redis.ExecuteAsync(["HGETALL", KeyOf(userId)], cancellationToken).ConfigureAwait(false)).AsArray();
        var messages = new List<PushMessage>(pairs.Count / 2);
        for (var i = 0; i + 1 < pairs.Count; i += 2)
            messages.Add(new PushMessage(pairs[i].AsInteger(), userId, pairs[i + 1].AsString() ?? ""));
        messages.Sort((a, b) => a.Id.CompareTo(b.Id));
        return messages;
    }

    public async Task<bool> RemoveAsync(string userId, long messageId, CancellationToken cancellationToken = default) =>
        (await _redis.ExecuteAsync(["HDEL", KeyOf(userId), messageId.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false)).AsInteger() == 1;
}
