namespace NetCourse.Lesson10;

/// <summary>The three states of a circuit breaker.</summary>
public enum CircuitState
{
    /// <summary>Requests go through; their outcomes are counted.</summary>
    Closed,

    /// <summary>Too many failures: requests are refused at once, the backend is left alone.</summary>
    Open,

    /// <summary>The cool-down is over: one probe request may go through to see whether the backend is back.</summary>
    HalfOpen,
}
