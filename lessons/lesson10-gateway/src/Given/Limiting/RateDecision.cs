namespace NetCourse.Lesson10;

/// <summary>The rate limiter's verdict on one request: let it through, or say when to try again.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateDecision Allow() => new(true, TimeSpan.Zero);

    public static RateDecision Deny(TimeSpan retryAfter) => new(false, retryAfter);
}
