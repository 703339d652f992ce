using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NetCourse.Lesson10;

/// <summary>
/// The gateway's half of auth (lesson09's push nodes use the same): a token is believed only if it carries the key's HMAC of its
/// claims and has not expired. The format is <see cref="TokenIssuer"/>'s. Given: lesson09's reference
/// verifier, so the gateway checks the same tokens the push cluster issues.
/// </summary>
public sealed class TokenVerifier
{
    // Far more than any token the issuer makes; anything longer is refused before any work.
    private const int MaxTokenLength = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <param name="key">The key the auth service signs with.</param>
    /// <param name="time">The clock expiry is read from; <see cref="TimeProvider.System"/> when null.</param>
    public TokenVerifier(byte[] key, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0) throw new ArgumentException("A signing key cannot be empty.", nameof(key));
        _key = key;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Checks <paramref name="token"/>; never throws, whatever a client sends.</summary>
    public TokenCheck Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return TokenCheck.Refused(TokenStatus.Malformed);
        var parts = token.Split(TokenIssuer.Separator);
        if (parts.Length != 3) return TokenCheck.Refused(TokenStatus.Malformed);
        var (user, expiry, signature) = (parts[0], parts[1], parts[2]);

        // The signature first: nothing in a token is worth believing, or even parsing, before it.
        if (!TryDecode(signature, out var presented)) return TokenCheck.Refused(TokenStatus.Malformed);
        var expected = TokenIssuer.Sign(_key, $"{user}{TokenIssuer.Separator}{expiry}");
        // Constant time: an early exit at the first wrong byte would tell a forger, by timing
        // many attempts, how much of a signature is right, and let it be found byte by byte.
        if (!CryptographicOperations.FixedTimeEquals(expected, presented)) return TokenCheck.Refused(TokenStatus.BadSignature);

        // Signed by auth, so these parse; a refusal here would mean auth itself is broken.
        if (!long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || !TryDecode(user, out var userBytes))
            return TokenCheck.Refused(TokenStatus.Malformed);
        string userId;
        try { userId = StrictUtf8.GetString(userBytes); }
        catch (DecoderFallbackException) { return TokenCheck.Refused(TokenStatus.Malformed); }

        // Valid strictly before the expiry: at the expiry second itself, the token is dead.
        return _time.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(seconds)
            ? TokenCheck.Valid(userId)
            : TokenCheck.Refused(TokenStatus.Expired);
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        // IsValid first: the decoders throw FormatException at a character outside the alphabet.
        bytes = text.Length > 0 && Base64Url.IsValid(text) ? Base64Url.DecodeFromChars(text) : [];
        return bytes.Length > 0;
    }
}
