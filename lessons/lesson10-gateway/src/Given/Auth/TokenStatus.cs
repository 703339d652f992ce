namespace NetCourse.Lesson10;

/// <summary>What a token check found.</summary>
public enum TokenStatus
{
    /// <summary>Signed with the key, not expired: the user is who the token says.</summary>
    Valid,

    /// <summary>Not a token at all: missing, the wrong number of parts, parts that do not decode.</summary>
    Malformed,

    /// <summary>Well formed, but the signature is not the key's HMAC of the claims: forged or tampered.</summary>
    BadSignature,

    /// <summary>Signed with the key, but its expiry has passed.</summary>
    Expired,
}

/// <summary>The verdict on one token: its status, and the user it names when it is valid.</summary>
public readonly record struct TokenCheck(TokenStatus Status, string? UserId)
{
    public bool IsValid => Status == TokenStatus.Valid;

    public static TokenCheck Valid(string userId) => new(TokenStatus.Valid, userId);

    public static TokenCheck Refused(TokenStatus status) =>
        status == TokenStatus.Valid ? throw new ArgumentException("A refusal needs a reason other than Valid.", nameof(status)) : new(status, null);
}
