namespace NetCourse.Lesson10;

/// <summary>
/// Decides which backends are up. Actively: every <see cref="HealthOptions.Interval"/> it probes each
/// backend. Passively: the proxy reports the requests that could not reach a backend. Either way,
/// <see cref="HealthOptions.Fall"/> failures in a row mark a backend down and
/// <see cref="HealthOptions.Rise"/> successes in a row mark it up again — one bad answer is noise,
/// a run of them is news.
/// </summary>
public sealed class HealthMonitor : IAsyncDisposable
{
    private readonly IReadOnlyList<Backend> _backends;
    private readonly HealthOptions _options;
    private readonly Func<Backend, CancellationToken, Task<bool>> _probe;
    private readonly TimeProvider _time;
    private readonly Dictionary<Backend, Streak> _streaks;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private int _rounds;

    /// <param name="probe">One probe of one backend: true when it is healthy. The token fires at the probe's timeout.</param>
    public HealthMonitor(IReadOnlyList<Backend> backends, HealthOptions options, Func<Backend, CancellationToken, Task<bool>> probe, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(backends);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(probe);
        _backends = backends;
        _options = options;
        _probe = probe;
        _time = time ?? TimeProvider.System;
        _streaks = backends.ToDictionary(b => b, _ => new Streak());
    }

    /// <summary>How many rounds of probes have completed (each probes every backend once).</summary>
    public int Rounds => Volatile.Read(ref _rounds);

    /// <summary>Starts probing every interval, on the clock; the first round is one interval from now.</summary>
    public void Start()
    {
        if (!_loop.IsCompleted) throw new InvalidOperationException("The monitor is already running.");
        _loop = ProbeEveryIntervalAsync(_stopping.Token);
    }

    /// <summary>One round: probes every backend at once and applies the results.</summary>
    public async Task ProbeOnceAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(_backends.Select(b => ProbeAsync(b, cancellationToken))).ConfigureAwait(false);
        Interlocked.Increment(ref _rounds);
    }

    /// <summary>Passive check: a request could not reach <paramref name="backend"/>.</summary>
    public void ReportFailure(Backend backend) => Record(backend, healthy: false);

    /// <summary>Passive check: <paramref name="backend"/> answered a request.</summary>
    public void ReportSuccess(Backend backend) => Record(backend, healthy: true);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try { await _loop.ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        _stopping.Dispose();
    }

    private async Task ProbeEveryIntervalAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.Interval, _time);
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            await ProbeOnceAsync(stopping).ConfigureAwait(false);
    }

    private async Task ProbeAsync(Backend backend, CancellationToken cancellationToken)
    {
        // The timeout runs on the injected clock, like everything else here.
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        bool healthy;
        try
        {
            healthy = await _probe(backend, linked.Token).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A probe that throws or times out is a failed probe, not a broken monitor.
            healthy = false;
        }
        Record(backend, healthy);
    }

    private void Record(Backend backend, bool healthy)
    {
        if (!_streaks.TryGetValue(backend, out var streak)) return;
        lock (streak)
        {
            if (healthy)
            {
                streak.Failures = 0;
                streak.Successes++;
                if (!backend.IsUp && streak.Successes >= _options.Rise) backend.IsUp = true;
            }
            else
            {
                streak.Successes = 0;
                streak.Failures++;
                if (backend.IsUp && streak.Failures >= _options.Fall) backend.IsUp = false;
            }
        }
    }

    private sealed class Streak
    {
        public int Successes;
        public int Failures;
    }
}
