namespace NetCourse.Lesson10;

/// <summary>Checks the bearer token of a request to a protected route with lesson09's token format.</summary>
public sealed class BearerAuthenticator
{
    public const string AnyUser = "*";
    private const string Scheme = "Bearer ";

    private readonly TokenVerifier _verifier;

    public BearerAuthenticator(TokenVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        _verifier = verifier;
    }

    /// <summary>
    /// <paramref name="authorization"/> is the request's <c>Authorization</c> header (null when absent).
    /// No valid bearer token: <see cref="AuthOutcome.Unauthenticated"/> (401: who are you?). A valid
    /// one whose user the route does not list: <see cref="AuthOutcome.Forbidden"/> (403: I know you, and no).
    /// </summary>
    public AuthDecision Authorize(string? authorization, AuthConfig auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        // The scheme is case-insensitive (RFC 9110 §11.1), the token itself is not.
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return new AuthDecision(AuthOutcome.Unauthenticated, null);
        var check = _verifier.Verify(authorization[Scheme.Length..].Trim());
        if (!check.IsValid) return new AuthDecision(AuthOutcome.Unauthenticated, null);
        var granted = auth.Users.Any(u => u == AnyUser || string.Equals(u, check.UserId, StringComparison.Ordinal));
        return new AuthDecision(granted ? AuthOutcome.Allowed : AuthOutcome.Forbidden, check.UserId);
    }
}
