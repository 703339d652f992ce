using System.Collections.Concurrent;

namespace NetCourse.Lesson10;

/// <summary>
/// A token bucket per client key: a bucket holds up to <see cref="RateLimitOptions.Burst"/> tokens,
/// refills at <see cref="RateLimitOptions.TokensPerSecond"/>, and each request takes one. The buckets
/// of clients idle for <see cref="RateLimitOptions.IdleExpiry"/> are dropped, so a flood of one-off
/// clients (or spoofed keys) cannot grow the table without bound.
/// </summary>
public sealed class TokenBucketRateLimiter
{
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    public TokenBucketRateLimiter(RateLimitOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TokensPerSecond, 0);
        _options = options;
        _time = time ?? TimeProvider.System;
        _lastSweepTicks = _time.GetUtcNow().UtcTicks;
    }

    /// <summary>How many client buckets are kept right now.</summary>
    public int TrackedKeys => _buckets.Count;

    /// <summary>Takes a token from <paramref name="key"/>'s bucket, or says how long until there is one.</summary>
    public RateDecision TryAcquire(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow().UtcTicks;
        SweepIfDue(now);
        var bucket = _buckets.GetOrAdd(key, static (_, state) => new Bucket(state.Burst, state.Now), (Burst: _options.Burst, Now: now));
        lock (bucket)
        {
            // Refill lazily: no timer per bucket, just the tokens earned since it was last touched.
            var earned = TimeSpan.FromTicks(Math.Max(0, now - bucket.LastTicks)).TotalSeconds * _options.TokensPerSecond;
            bucket.Tokens = Math.Min(_options.Burst, bucket.Tokens + earned);
            bucket.LastTicks = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return RateDecision.Allow();
            }
            return RateDecision.Deny(TimeSpan.FromSeconds((1 - bucket.Tokens) / _options.TokensPerSecond));
        }
    }

    // At most one sweep per IdleExpiry: the cost of forgetting is spread over the requests.
    private void SweepIfDue(long now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now - last < _options.IdleExpiry.Ticks) return;
        if (Interlocked.CompareExchange(ref _lastSweepTicks, now, last) != last) return;
        foreach (var (key, bucket) in _buckets)
        {
            bool idle;
            lock (bucket) idle = now - bucket.LastTicks >= _options.IdleExpiry.Ticks;
            if (idle) _buckets.TryRemove(new KeyValuePair<string, Bucket>(key, bucket));
        }
    }

    private sealed class Bucket(double tokens, long lastTicks)
    {
        public double Tokens = tokens;
        public long LastTicks = lastTicks;
    }
}
