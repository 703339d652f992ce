using StackExchange.Redis;

namespace NetCourse.Lesson09;

/// <summary>
/// One call of the Redis backends. The registry and store contracts say "cannot be reached" with
/// an <see cref="IOException"/> (what a node's heartbeat catches and retries), whatever the
/// backend; StackExchange.Redis says it with its own exceptions, so they are translated here.
/// Cancelling stops the wait, not the command: the multiplexer still sends it and reads its reply.
/// </summary>
internal static class RedisCall
{
    public static async Task<T> RunAsync<T>(Task<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            throw new IOException($"Redis cannot be reached: {e.Message}", e);
        }
    }
}
