namespace NetCourse.Lesson10;

/// <summary>
/// Decides which backends are up. Actively: every <see cref="HealthOptions.Interval"/> it probes each
/// backend. Passively: the proxy reports the requests that could not reach a backend. Either way,
/// <see cref="HealthOptions.Fall"/> failures in a row mark a backend down and
/// <see cref="HealthOptions.Rise"/> successes in a row mark it up again.
/// </summary>
public sealed class HealthMonitor : IAsyncDisposable
{
    /// <param name="probe">One probe of one backend: true when it is healthy. The token fires at the probe's timeout.</param>
    public HealthMonitor(IReadOnlyList<Backend> backends, HealthOptions options, Func<Backend, CancellationToken, Task<bool>> probe, TimeProvider? time = null) =>
        throw new NotImplementedException("Task 2: keep the backends, the options, the probe and the clock, and a streak counter per backend.");

    /// <summary>How many rounds of probes have completed (each probes every backend once).</summary>
    public int Rounds =>
        throw new NotImplementedException("Task 2: count the completed rounds.");

    /// <summary>Starts probing every interval, on the clock; the first round is one interval from now.</summary>
    public void Start() =>
        throw new NotImplementedException("Task 2: start a loop on a PeriodicTimer(Interval, clock) that runs ProbeOnceAsync at every tick.");

    /// <summary>One round: probes every backend at once and applies the results.</summary>
    public Task ProbeOnceAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 2: probe every backend (with a timeout on the clock), record each result, then count the round.");

    /// <summary>Passive check: a request could not reach <paramref name="backend"/>.</summary>
    public void ReportFailure(Backend backend) =>
        throw new NotImplementedException("Task 2: count it like a failed probe.");

    /// <summary>Passive check: <paramref name="backend"/> answered a request.</summary>
    public void ReportSuccess(Backend backend) =>
        throw new NotImplementedException("Task 2: count it like a good probe.");

    public ValueTask DisposeAsync() =>
        throw new NotImplementedException("Task 2: stop the probing loop and wait for it to end.");
}
