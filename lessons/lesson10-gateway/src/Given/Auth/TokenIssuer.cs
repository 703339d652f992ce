using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NetCourse.Lesson10;

/// <summary>
/// The auth service's signing half: a token names a user and an expiry, and carries an
/// HMAC-SHA256 of both under a key the auth service and the push nodes share. A node checks a
/// token without asking the auth service; nobody without the key can make one or change one.
/// </summary>
/// <remarks>
/// The format, three parts joined by dots (every part is ASCII, so the token fits in a URL):
/// <code>
/// base64url(UTF-8 user id) "." expiry (Unix seconds, decimal) "." base64url(HMAC-SHA256(key, UTF-8 of the first two parts joined by "."))
/// </code>
/// e.g. <c>YWxpY2U.1767229200.WWbLZ55l29HovmfxNVGiYQ3m1LxpgfeZ9HC_R2dx10k</c>. The token is valid
/// while the clock reads strictly before the expiry.
/// </remarks>
public sealed class TokenIssuer
{
    /// <summary>The size of a key from <see cref="NewKey"/>: as long as HMAC-SHA256's output.</summary>
    public const int KeySize = 32;

    public const char Separator = '.';

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public TokenIssuer(byte[] key, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0) throw new ArgumentException("A signing key cannot be empty.", nameof(key));
        _key = key;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A fresh random key: a real deployment keeps it secret and shares it with every node.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    /// <summary>A token for <paramref name="userId"/>, valid for <paramref name="lifetime"/> from now.</summary>
    public string Issue(string userId, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        // Whole seconds, rounded up: a token never expires earlier than asked.
        var expires = _time.GetUtcNow().Add(lifetime);
        var seconds = expires.ToUnixTimeSeconds() + (expires.UtcTicks % TimeSpan.TicksPerSecond == 0 ? 0 : 1);
        var claims = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(userId))}{Separator}{seconds.ToString(CultureInfo.InvariantCulture)}";
        return $"{claims}{Separator}{Base64Url.EncodeToString(Sign(_key, claims))}";
    }

    /// <summary>The signature of <paramref name="claims"/> (the first two parts of a token, dot included).</summary>
    public static byte[] Sign(byte[] key, string claims) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(claims));
}
