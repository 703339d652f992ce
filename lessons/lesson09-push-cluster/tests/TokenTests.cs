using System.Buffers.Text;
using System.Text;

namespace NetCourse.Lesson09.Tests;

[Task(1)]
public class TokenTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, TokenIssuer.KeySize).Select(i => (byte)i)];
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private sealed record Auth(TokenIssuer Issuer, TokenVerifier Verifier, ManualClock Clock);

    private static Auth NewAuth()
    {
        var clock = new ManualClock();
        return new Auth(new TokenIssuer(Key, clock), new TokenVerifier(Key, clock), clock);
    }

    private static string[] Parts(string token) => token.Split('.');

    [Test, Hint("See Hint 1.1: split at the dots, recompute TokenIssuer.Sign(key, user + \".\" + expiry), compare, then decode the user.")]
    public void Token_from_the_issuer_is_valid_and_names_its_user()
    {
        var auth = NewAuth();
        auth.Verifier.Verify(auth.Issuer.Issue("alice", Lifetime))
            .ShouldBe(TokenCheck.Valid("alice"), "A token the issuer just made, with the same key, must be valid and name its user.");
    }

    [TestCase("dot.ted"), TestCase("Zoë Ångström"), TestCase("user:42/α")]
    [Hint("See Hint 1.1: the user part is base64url of the user id's UTF-8 bytes; decode it, do not use it as it is.")]
    public void Token_names_any_user_id_exactly(string userId)
    {
        var auth = NewAuth();
        auth.Verifier.Verify(auth.Issuer.Issue(userId, Lifetime)).UserId
            .ShouldBe(userId, "The user id must come back exactly, dots and non-ASCII letters included.");
    }

    [Test, Points(2), Hint("See Hint 1.2: the signature covers the user part; a changed user means a different HMAC.")]
    public void Token_with_its_user_changed_is_refused()
    {
        var auth = NewAuth();
        var parts = Parts(auth.Issuer.Issue("alice", Lifetime));
        var tampered = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes("admin"))}.{parts[1]}.{parts[2]}";
        auth.Verifier.Verify(tampered).Status
            .ShouldBe(TokenStatus.BadSignature, "alice's signature under the user 'admin' is a tampered token: refuse it as BadSignature.");
    }

    [Test, Points(2), Hint("See Hint 1.2: the signature covers the expiry too; a token whose expiry was pushed back is tampered.")]
    public void Token_with_its_expiry_pushed_back_is_refused()
    {
        var auth = NewAuth();
        var parts = Parts(auth.Issuer.Issue("alice", Lifetime));
        var tampered = $"{parts[0]}.{long.Parse(parts[1]) + 86_400}.{parts[2]}";
        auth.Verifier.Verify(tampered).Status
            .ShouldBe(TokenStatus.BadSignature, "A token whose expiry was moved a day later is tampered: refuse it as BadSignature.");
    }

    [Test, Points(2), Hint("See Hint 1.2: recompute the HMAC with your key; a token signed with another key cannot match it.")]
    public void Token_signed_with_another_key_is_refused()
    {
        var auth = NewAuth();
        var forged = new TokenIssuer(TokenIssuer.NewKey(), auth.Clock).Issue("alice", Lifetime);
        auth.Verifier.Verify(forged).Status
            .ShouldBe(TokenStatus.BadSignature, "A token signed with a key other than the node's is forged: refuse it as BadSignature.");
    }

    [Test, Hint("See Hint 1.3: CryptographicOperations.FixedTimeEquals is false for spans of different lengths; it never throws.")]
    public void Token_with_a_truncated_signature_is_refused()
    {
        var auth = NewAuth();
        var parts = Parts(auth.Issuer.Issue("alice", Lifetime));
        var truncated = Base64Url.EncodeToString(Base64Url.DecodeFromChars(parts[2])[..^1]);
        auth.Verifier.Verify($"{parts[0]}.{parts[1]}.{truncated}").Status
            .ShouldBe(TokenStatus.BadSignature, "The first 31 bytes of the HMAC are not the HMAC: refuse the token as BadSignature.");
    }

    [Test, Hint("See Hint 1.4: read the expiry from the TimeProvider you were given; a token is valid strictly before its expiry.")]
    public void Token_is_valid_until_its_last_second()
    {
        var auth = NewAuth();
        var token = auth.Issuer.Issue("alice", Lifetime);
        auth.Clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        auth.Verifier.Verify(token).IsValid.ShouldBeTrue("One second before its expiry the token is still valid.");
    }

    [Test, Points(2), Hint("See Hint 1.4: compare the clock's GetUtcNow() with DateTimeOffset.FromUnixTimeSeconds(expiry): at or after it, Expired.")]
    public void Token_is_refused_once_it_expires()
    {
        var auth = NewAuth();
        var token = auth.Issuer.Issue("alice", Lifetime);
        auth.Clock.Advance(Lifetime);
        auth.Verifier.Verify(token).Status.ShouldBe(TokenStatus.Expired, "At its expiry (the manual clock moved one lifetime) the token must be refused as Expired.");
    }

    [TestCase(null), TestCase(""), TestCase("alice"), TestCase("YWxpY2U.1767229200"), TestCase("a.b.c.d"), TestCase(".."),
     TestCase("YWxpY2U.1767229200.%%%%"), TestCase("YWxpY2U.soon.4QRPDQeYQIE5Fj0XrofeuW50ur4rQ87gk4JzRTUguzs")]
    [Hint("See Hint 1.5: a token is three parts; any part that does not decode makes it Malformed. Use TryDecode-style calls: Verify must never throw.")]
    public void Malformed_token_is_refused_without_an_exception(string? token)
    {
        var auth = NewAuth();
        var check = Should.NotThrow(() => auth.Verifier.Verify(token), "Verify must answer every string a client can send, never throw.");
        check.IsValid.ShouldBeFalse($"'{token}' is not a token of this format: it must be refused.");
    }

    // A token with the given claims, correctly signed with the test key: what a bug in auth (or a
    // leaked key) would produce. Only the parts after the signature check can refuse it.
    private static string Signed(string user, string expiry) =>
        $"{user}.{expiry}.{Base64Url.EncodeToString(TokenIssuer.Sign(Key, $"{user}.{expiry}"))}";

    [TestCase("", TestName = "{m}(empty)")]
    [TestCase("%%%", TestName = "{m}(not base64url)")]
    [TestCase("_w", TestName = "{m}(not UTF-8)")]
    [Hint("See Hints 1.1 and 1.5: decode the user part with Base64Url after checking it (Base64Url.IsValid), then as strict UTF-8; what does not decode is Malformed, never an exception.")]
    public void Signed_token_whose_user_part_does_not_decode_is_Malformed(string user)
    {
        var auth = NewAuth();
        var token = Signed(user, "1767229200");
        Should.NotThrow(() => auth.Verifier.Verify(token), "Verify must answer every string, even a well-signed one with a broken user part.")
            .Status.ShouldBe(TokenStatus.Malformed, $"The user part '{user}' is not base64url of UTF-8 text.");
    }

    [Test, Hint("See Hint 1.5: long.TryParse(expiry, NumberStyles.None, …) false means Malformed, even under a right signature.")]
    public void Signed_token_whose_expiry_is_not_a_number_is_Malformed()
    {
        var auth = NewAuth();
        auth.Verifier.Verify(Signed("YWxpY2U", "soon")).Status.ShouldBe(TokenStatus.Malformed, "An expiry of 'soon' is not a number of seconds.");
    }

    [Test, Hint("See Hint 1.5: an expiry that parses as a number may still be past any date DateTimeOffset holds; FromUnixTimeSeconds throws for it, so check it first.")]
    public void Signed_token_with_an_expiry_beyond_the_calendar_is_refused_without_an_exception()
    {
        var auth = NewAuth();
        var token = Signed("YWxpY2U", "99999999999999");
        Should.NotThrow(() => auth.Verifier.Verify(token), "An expiry of 99999999999999 seconds is past year 9999: Verify must refuse it, not throw.")
            .IsValid.ShouldBeFalse();
    }

    [Test, Hint("See Hint 1.5: refuse a token far longer than any the issuer makes before doing any work on it: before Split copies it.")]
    public void Huge_token_is_refused_before_any_work_on_it()
    {
        var auth = NewAuth();
        var huge = new string('A', 1_000_000) + ".1767229200." + new string('B', 43);
        auth.Verifier.Verify("warm-up").IsValid.ShouldBeFalse();
        var before = GC.GetAllocatedBytesForCurrentThread();
        auth.Verifier.Verify(huge).IsValid.ShouldBeFalse();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.ShouldBeLessThan(huge.Length,
            $"Verifying a megabyte of junk allocated {allocated:N0} bytes: a length check first refuses it without copying it.");
    }

    [Test, Hint("See Hint 1.5: refuse a token far longer than any the issuer makes before doing any work on it.")]
    public void Huge_token_is_refused_without_an_exception()
    {
        var auth = NewAuth();
        var huge = new string('A', 1_000_000) + ".1767229200." + new string('B', 43);
        Should.NotThrow(() => auth.Verifier.Verify(huge), "A megabyte of junk in the query string must be refused, not crash the node.")
            .IsValid.ShouldBeFalse("A megabyte of junk is not a valid token.");
    }
}
