namespace NetCourse.Lesson10;

/// <summary>
/// A token bucket per client key: a bucket holds up to <see cref="RateLimitOptions.Burst"/> tokens,
/// refills at <see cref="RateLimitOptions.TokensPerSecond"/>, and each request takes one. The buckets
/// of clients idle for <see cref="RateLimitOptions.IdleExpiry"/> are dropped, so memory stays bounded.
/// </summary>
public sealed class TokenBucketRateLimiter
{
    public TokenBucketRateLimiter(RateLimitOptions options, TimeProvider? time = null) =>
        throw new NotImplementedException("Task 4: keep the options, the clock, and a concurrent dictionary of buckets (tokens, last touched).");

    /// <summary>How many client buckets are kept right now.</summary>
    public int TrackedKeys =>
        throw new NotImplementedException("Task 4: the number of buckets in the dictionary.");

    /// <summary>Takes a token from <paramref name="key"/>'s bucket, or says how long until there is one.</summary>
    public RateDecision TryAcquire(string key) =>
        throw new NotImplementedException("Task 4: refill the key's bucket for the time since it was last touched (at most Burst), take a token or say when one will be there; now and then drop idle buckets.");
}
