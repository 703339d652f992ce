namespace NetCourse.Lesson10;

/// <summary>What the gateway answers a request to a protected route.</summary>
public enum AuthOutcome
{
    /// <summary>A valid token whose user the route grants: forward it.</summary>
    Allowed,

    /// <summary>No token, a token that is not a bearer token, or one the verifier refuses: 401.</summary>
    Unauthenticated,

    /// <summary>A valid token, but the route does not grant its user: 403.</summary>
    Forbidden,
}

/// <summary>The outcome, and the user when the token was valid (for the rate limiter's key).</summary>
public readonly record struct AuthDecision(AuthOutcome Outcome, string? UserId);
