using StackExchange.Redis;

namespace NetCourse.Lesson09;

/// <summary>
/// The store on a Redis server: a counter <c>{prefix}message-id</c> for ids and one hash per user,
/// <c>{prefix}pending:{user}</c>, id → body. Adding is one Lua script (take an id, store the body),
/// so a message is never half stored. A server run with persistence (<c>appendonly yes</c>,
/// <c>appendfsync always</c>) keeps the messages across its own restarts; the tests' private
/// servers run without it.
/// </summary>
public sealed class RedisMessageStore(IDatabase redis, string keyPrefix = "") : IMessageStore
{
    private const string AddScript = """
        local id = redis.call('INCR', KEYS[1])
        redis.call('HSET', KEYS[2], id, ARGV[1])
        return id
        """;

    private readonly IDatabase _redis = redis ?? throw new ArgumentNullException(nameof(redis));

    private string IdsKey => $"{keyPrefix}message-id";

    public string KeyOf(string userId) => $"{keyPrefix}pending:{userId}";

    public async Task<PushMessage> AddAsync(string userId, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(body);
        var id = await RedisCall.RunAsync(_redis.ScriptEvaluateAsync(AddScript, [IdsKey, KeyOf(userId)], [body]), cancellationToken).ConfigureAwait(false);
        return new PushMessage((long)id, userId, body);
    }

    public async Task<IReadOnlyList<PushMessage>> PendingAsync(string userId, CancellationToken cancellationToken = default)
    {
        // HGETALL answers the fields in no particular order.
        var entries = await RedisCall.RunAsync(_redis.HashGetAllAsync(KeyOf(userId)), cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(entry => new PushMessage((long)entry.Name, userId, (string?)entry.Value ?? "")).OrderBy(message => message.Id)];
    }

    public async Task<bool> RemoveAsync(string userId, long messageId, CancellationToken cancellationToken = default) =>
        await RedisCall.RunAsync(_redis.HashDeleteAsync(KeyOf(userId), messageId), cancellationToken).ConfigureAwait(false);
}
