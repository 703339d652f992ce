namespace NetCourse.Lesson10.Tests;

[Task(7)]
public class AuthTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static BearerAuthenticator Authenticator(ManualClock clock) => new(new TokenVerifier(GatewayRun.TokenKey, clock));

    private static RouteConfig Protected(RecordingBackend backend, params string[] users) =>
        Routes.To("/orders", backend) with { Auth = new AuthConfig(users) };

    [Test, Hint("See Hint 7.1: \"Bearer \" then the token; verify it with the given TokenVerifier.")]
    public void A_valid_token_of_a_listed_user_is_allowed()
    {
        var clock = new ManualClock();
        var token = new TokenIssuer(GatewayRun.TokenKey, clock).Issue("alice", Lifetime);
        Authenticator(clock).Authorize($"Bearer {token}", new AuthConfig(["alice"])).ShouldBe(new AuthDecision(AuthOutcome.Allowed, "alice"));
    }

    [TestCase(null), TestCase(""), TestCase("Basic YWxpY2U6cHc="), TestCase("Bearer not.a.token"), TestCase("Bearer")]
    [Hint("See Hint 7.1: no header, another scheme, or a token the verifier refuses: Unauthenticated.")]
    public void A_missing_or_bad_token_is_unauthenticated(string? header)
    {
        Authenticator(new ManualClock()).Authorize(header, new AuthConfig(["*"])).Outcome.ShouldBe(AuthOutcome.Unauthenticated);
    }

    [Test, Hint("See Hint 7.1: the verifier reads the clock: an expired token is no token.")]
    public void An_expired_token_is_unauthenticated()
    {
        var clock = new ManualClock();
        var token = new TokenIssuer(GatewayRun.TokenKey, clock).Issue("alice", Lifetime);
        clock.Advance(Lifetime);
        Authenticator(clock).Authorize($"Bearer {token}", new AuthConfig(["alice"])).Outcome.ShouldBe(AuthOutcome.Unauthenticated);
    }

    [Test, Hint("See Hint 7.2: the scheme is case-insensitive (RFC 9110 §11.1).")]
    public void The_bearer_scheme_is_case_insensitive()
    {
        var clock = new ManualClock();
        var token = new TokenIssuer(GatewayRun.TokenKey, clock).Issue("alice", Lifetime);
        Authenticator(clock).Authorize($"bearer {token}", new AuthConfig(["alice"])).Outcome.ShouldBe(AuthOutcome.Allowed);
    }

    [Test, Points(2), Hint("See Hint 7.3: 401 with WWW-Authenticate: Bearer, and nothing forwarded.")]
    public async Task A_protected_route_without_a_token_is_401_and_not_forwarded()
    {
        await using var backend = await RecordingBackend.StartAsync("orders");
        await using var run = await GatewayRun.StartAsync(Protected(backend, "alice"));
        using var response = await run.Client.GetAsync("/orders/1").WithDeadline();
        ((int)response.StatusCode, response.Headers.WwwAuthenticate.ToString(), backend.Count).ShouldBe((401, "Bearer", 0));
    }

    [Test, Points(2), Hint("See Hint 7.3: a valid token for a user the route does not list is 403: known, but not allowed.")]
    public async Task A_valid_token_of_a_user_the_route_does_not_grant_is_403()
    {
        await using var backend = await RecordingBackend.StartAsync("orders");
        await using var run = await GatewayRun.StartAsync(Protected(backend, "alice"));
        (await run.GetAsync("/orders/1", run.Issuer.Issue("mallory", Lifetime))).Status.ShouldBe(HttpStatusCode.Forbidden);
        backend.Count.ShouldBe(0, "A forbidden request must not reach the backend.");
    }

    [Test, Points(2), Hint("See Hint 7.4: leave Authorization out of the forwarded request unless the route says ForwardAuthorization.")]
    public async Task The_authorization_header_is_not_forwarded_to_the_backend()
    {
        await using var backend = await RecordingBackend.StartAsync("orders");
        await using var run = await GatewayRun.StartAsync(Protected(backend, "alice"));
        (await run.GetAsync("/orders/1", run.Issuer.Issue("alice", Lifetime))).Status.ShouldBe(HttpStatusCode.OK);
        backend.Seen.Single().Header("Authorization").ShouldBeNull("The token is for the gateway; a backend that does not need it must not see it.");
    }

    [Test, Hint("See Hint 7.4: with ForwardAuthorization the backend gets the header as the client sent it.")]
    public async Task A_route_that_forwards_authorization_passes_the_token_on()
    {
        await using var backend = await RecordingBackend.StartAsync("orders");
        await using var run = await GatewayRun.StartAsync(Routes.To("/orders", backend) with { Auth = new AuthConfig(["alice"], ForwardAuthorization: true) });
        var token = run.Issuer.Issue("alice", Lifetime);
        await run.GetAsync("/orders/1", token);
        backend.Seen.Single().Header("Authorization").ShouldBe($"Bearer {token}");
    }

    [Test, Hint("See Hint 7.3: Allowed when the route lists the token's user among others.")]
    public void A_valid_token_of_any_user_the_route_lists_is_allowed()
    {
        var clock = new ManualClock();
        var token = new TokenIssuer(GatewayRun.TokenKey, clock).Issue("alice", Lifetime);
        Authenticator(clock).Authorize($"Bearer {token}", new AuthConfig(["bob", "alice"])).Outcome.ShouldBe(AuthOutcome.Allowed,
            "The route grants bob and alice: alice's token is allowed.");
    }
}
