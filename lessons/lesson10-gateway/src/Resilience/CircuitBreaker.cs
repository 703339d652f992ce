namespace NetCourse.Lesson10;

/// <summary>
/// Stops calling a backend that keeps failing, and lets one request find out when it is back.
/// <code>
/// Closed ──(failure ratio over the window ≥ threshold, at least N requests)──▶ Open
/// Open ──(cool-down over)──▶ HalfOpen ──(the one probe succeeds)──▶ Closed
///                            HalfOpen ──(the probe fails)──▶ Open (a new cool-down)
/// </code>
/// </summary>
public sealed class CircuitBreaker
{
    public CircuitBreaker(BreakerOptions options, TimeProvider? time = null) =>
        throw new NotImplementedException("Task 5: keep the options and the clock; start closed with an empty window of outcomes.");

    /// <summary>The state now: an open breaker whose cool-down is over reads as half-open.</summary>
    public CircuitState State =>
        throw new NotImplementedException("Task 5: the current state, reading an open breaker past its cool-down as half-open.");

    /// <summary>
    /// May a request go to the backend? Closed: yes. Open: no, at once. Half-open: yes for exactly
    /// one caller (the probe) until its outcome is reported; every other caller is refused.
    /// </summary>
    public bool TryEnter() =>
        throw new NotImplementedException("Task 5: closed lets in, open refuses until the cool-down is over, half-open lets exactly one probe in.");

    /// <summary>The request let in by <see cref="TryEnter"/> succeeded.</summary>
    public void OnSuccess() =>
        throw new NotImplementedException("Task 5: closed: record a success in the window; half-open: close.");

    /// <summary>The request let in by <see cref="TryEnter"/> failed.</summary>
    public void OnFailure() =>
        throw new NotImplementedException("Task 5: closed: record a failure and open if the window says so; half-open: open again.");
}
