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
    private readonly BreakerOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    // The outcomes of the last WindowSize requests (true = failure), oldest first.
    private readonly Queue<bool> _window = new();
    private int _failuresInWindow;
    private CircuitState _state = CircuitState.Closed;
    private DateTimeOffset _openedAt;
    private bool _probeInFlight;

    public CircuitBreaker(BreakerOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WindowSize, 1);
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The state now: an open breaker whose cool-down is over reads as half-open.</summary>
    public CircuitState State
    {
        get
        {
            lock (_gate) return _state == CircuitState.Open && CoolDownOver() ? CircuitState.HalfOpen : _state;
        }
    }

    /// <summary>
    /// May a request go to the backend? Closed: yes. Open: no, at once. Half-open: yes for exactly
    /// one caller (the probe) until its outcome is reported; every other caller is refused.
    /// </summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_state == CircuitState.Open && CoolDownOver())
            {
                _state = CircuitState.HalfOpen;
                _probeInFlight = false;
            }
            switch (_state)
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.HalfOpen when !_probeInFlight:
                    _probeInFlight = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>The request let in by <see cref="TryEnter"/> succeeded.</summary>
    public void OnSuccess() => Record(failed: false);

    /// <summary>The request let in by <see cref="TryEnter"/> failed.</summary>
    public void OnFailure() => Record(failed: true);

    private void Record(bool failed)
    {
        lock (_gate)
        {
            switch (_state)
            {
                case CircuitState.HalfOpen:
                    if (failed) Open();
                    else Close();
                    break;
                case CircuitState.Closed:
                    _window.Enqueue(failed);
                    if (failed) _failuresInWindow++;
                    if (_window.Count > _options.WindowSize && _window.Dequeue()) _failuresInWindow--;
                    if (_window.Count >= _options.MinimumRequests
                        && (double)_failuresInWindow / _window.Count >= _options.FailureRatio)
                        Open();
                    break;
                // Open: a late answer to a request let in before the breaker opened changes nothing.
            }
        }
    }

    private void Open()
    {
        _state = CircuitState.Open;
        _openedAt = _time.GetUtcNow();
        _probeInFlight = false;
        _window.Clear();
        _failuresInWindow = 0;
    }

    private void Close()
    {
        _state = CircuitState.Closed;
        _probeInFlight = false;
        _window.Clear();
        _failuresInWindow = 0;
    }

    private bool CoolDownOver() => _time.GetUtcNow() - _openedAt >= _options.CoolDown;
}
