namespace NetCourse.Lesson10;

/// <summary>Checks the bearer token of a request to a protected route with lesson09's token format.</summary>
public sealed class BearerAuthenticator
{
    public const string AnyUser = "*";

    public BearerAuthenticator(TokenVerifier verifier) =>
        throw new NotImplementedException("Task 7: keep the verifier.");

    /// <summary>
    /// <paramref name="authorization"/> is the request's <c>Authorization</c> header (null when absent).
    /// No valid bearer token: <see cref="AuthOutcome.Unauthenticated"/> (401: who are you?). A valid
    /// one whose user the route does not list: <see cref="AuthOutcome.Forbidden"/> (403: I know you, and no).
    /// </summary>
    public AuthDecision Authorize(string? authorization, AuthConfig auth) =>
        throw new NotImplementedException("Task 7: take the token after \"Bearer \", verify it, and check its user against the route's users.");
}
