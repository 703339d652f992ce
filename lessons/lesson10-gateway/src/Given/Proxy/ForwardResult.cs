namespace NetCourse.Lesson10;

/// <summary>How one forwarded request ended, for the breaker and the passive health check.</summary>
public enum ForwardOutcome
{
    /// <summary>The backend answered (any status: a 500 is still an answer) and the body was passed on.</summary>
    Responded,

    /// <summary>The backend could not be reached, or broke the connection: 502 if nothing was sent yet.</summary>
    Unreachable,

    /// <summary>The backend did not answer within the route's timeout: 504 if nothing was sent yet.</summary>
    TimedOut,

    /// <summary>The client went away; nobody's fault but the client's, so neither health nor breaker hears of it.</summary>
    ClientAborted,
}

/// <summary>The outcome and the status the client got (0 when the client got nothing).</summary>
public readonly record struct ForwardResult(ForwardOutcome Outcome, int StatusCode)
{
    /// <summary>A failure of the backend: what a circuit breaker counts.</summary>
    public bool IsBackendFailure => Outcome is ForwardOutcome.Unreachable or ForwardOutcome.TimedOut || StatusCode >= 500;
}
