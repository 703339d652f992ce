namespace NetCourse.Lesson10.Tests;

[Task(4)]
public class RateLimitTests
{
    private static readonly RateLimitOptions Options = new(Burst: 3, TokensPerSecond: 1, IdleExpiry: TimeSpan.FromMinutes(1));

    private static IEnumerable<bool> Attempts(TokenBucketRateLimiter limiter, string key, int count) =>
        Enumerable.Range(0, count).Select(_ => limiter.TryAcquire(key).Allowed).ToList();

    [Test, Hint("See Hint 4.1: a new bucket is full: Burst tokens, one per request.")]
    public void A_client_may_send_a_burst_and_then_is_refused()
    {
        var limiter = new TokenBucketRateLimiter(Options, new ManualClock());
        Attempts(limiter, "alice", 4).ShouldBe([true, true, true, false], "Burst 3: three requests at once pass, the fourth is refused.");
    }

    [Test, Points(2), Hint("See Hint 4.2: refill lazily: tokens += seconds since the last request × rate, capped at Burst.")]
    public void Tokens_come_back_at_the_refill_rate_on_the_clock()
    {
        var clock = new ManualClock();
        var limiter = new TokenBucketRateLimiter(Options, clock);
        Attempts(limiter, "alice", 3).ToList();
        clock.Advance(TimeSpan.FromSeconds(2));
        Attempts(limiter, "alice", 3).ShouldBe([true, true, false], "Two seconds at one token a second: two more requests pass.");
    }

    [Test, Hint("See Hint 4.2: the bucket never holds more than Burst, however long the client waited.")]
    public void A_long_wait_refills_no_more_than_the_burst()
    {
        var clock = new ManualClock();
        var limiter = new TokenBucketRateLimiter(Options, clock);
        limiter.TryAcquire("alice");
        clock.Advance(TimeSpan.FromSeconds(30));
        Attempts(limiter, "alice", 4).ShouldBe([true, true, true, false], "After 30 s the bucket is full at 3, not 30.");
    }

    [Test, Hint("See Hint 4.3: one bucket per key.")]
    public void Each_client_has_its_own_bucket()
    {
        var limiter = new TokenBucketRateLimiter(Options, new ManualClock());
        Attempts(limiter, "alice", 3).ToList();
        limiter.TryAcquire("bob").Allowed.ShouldBeTrue("alice's empty bucket is not bob's.");
    }

    [Test, Hint("See Hint 4.4: RetryAfter is the time until the bucket has one whole token again: (1 - tokens) / rate.")]
    public void A_refusal_says_how_long_until_the_next_token()
    {
        var clock = new ManualClock();
        var limiter = new TokenBucketRateLimiter(Options with { TokensPerSecond = 0.5 }, clock);
        Attempts(limiter, "alice", 3).ToList();
        clock.Advance(TimeSpan.FromSeconds(0.5));
        limiter.TryAcquire("alice").RetryAfter.ShouldBe(TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(1),
            "At 0.5 token/s, half a second after the last token the bucket holds 0.25: 1.5 s more for a whole one.");
    }

    [Test, Points(2), Hint("See Hint 4.5: now and then (at most once per IdleExpiry), drop the buckets untouched for IdleExpiry.")]
    public void Buckets_of_idle_clients_expire_so_memory_stays_bounded()
    {
        var clock = new ManualClock();
        var limiter = new TokenBucketRateLimiter(Options, clock);
        for (var i = 0; i < 1000; i++) limiter.TryAcquire($"10.0.{i / 256}.{i % 256}");
        clock.Advance(Options.IdleExpiry + TimeSpan.FromSeconds(1));
        limiter.TryAcquire("late");
        limiter.TrackedKeys.ShouldBeLessThanOrEqualTo(1, "A thousand clients idle for longer than IdleExpiry must be forgotten; only the new one is kept.");
    }

    [Test, Points(2), Hint("See Hint 4.6: over the limit, 429 with Retry-After in whole seconds (rounded up, at least 1), and no forwarding.")]
    public async Task The_gateway_answers_429_with_retry_after_and_does_not_forward()
    {
        await using var backend = await RecordingBackend.StartAsync("a");
        await using var run = await GatewayRun.StartAsync(Routes.To("/api", backend) with { RateLimit = Options with { Burst = 2, TokensPerSecond = 0.4 } });
        await run.GetAsync("/api/x");
        await run.GetAsync("/api/x");
        using var response = await run.Client.GetAsync("/api/x").WithDeadline();
        ((int)response.StatusCode, response.Headers.RetryAfter?.Delta, backend.Count)
            .ShouldBe((429, TimeSpan.FromSeconds(3), 2), "The third request over a burst of 2 at 0.4/s: 429, Retry-After 3 (2.5 s rounded up), and only two forwarded.");
    }

    [Test, Hint("See Hint 4.5: a bucket untouched for exactly IdleExpiry is forgotten at the sweep then due.")]
    public void Buckets_idle_for_exactly_the_expiry_are_forgotten()
    {
        var clock = new ManualClock();
        var limiter = new TokenBucketRateLimiter(Options, clock);
        for (var i = 0; i < 100; i++) limiter.TryAcquire($"10.0.0.{i}");
        clock.Advance(Options.IdleExpiry);
        limiter.TryAcquire("late");
        limiter.TrackedKeys.ShouldBeLessThanOrEqualTo(1, "Idle for IdleExpiry (not longer) is idle enough: the hundred buckets must be forgotten.");
    }

    [Test, Hint("See Hint 4.5: the sweep drops only buckets untouched for IdleExpiry; a client active just before keeps its bucket, tokens spent included.")]
    public void A_sweep_keeps_the_bucket_of_a_client_still_active()
    {
        var clock = new ManualClock();
        var limiter = new TokenBucketRateLimiter(Options, clock);
        clock.Advance(Options.IdleExpiry - TimeSpan.FromSeconds(1));
        Attempts(limiter, "alice", 3).ToList();
        clock.Advance(TimeSpan.FromSeconds(1));
        Attempts(limiter, "alice", 2).ShouldBe([true, false],
            "alice spent her burst a second ago and has earned one token since: the sweep due now must not hand her a new full bucket.");
    }
}
