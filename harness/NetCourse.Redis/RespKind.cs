namespace NetCourse.Redis;

/// <summary>The kinds of reply RESP2 has (https://redis.io/docs/latest/develop/reference/protocol-spec/).</summary>
public enum RespKind
{
    /// <summary><c>+OK</c>: a short status line.</summary>
    SimpleString,
    /// <summary><c>-ERR …</c>: the server refused the command.</summary>
    Error,
    /// <summary><c>:42</c></summary>
    Integer,
    /// <summary><c>$5 hello</c>: a binary-safe string (decoded as UTF-8 here).</summary>
    BulkString,
    /// <summary><c>*2 …</c>: a list of replies, possibly nested.</summary>
    Array,
    /// <summary><c>$-1</c> or <c>*-1</c>: no value (a missing key, a timed-out blocking call).</summary>
    Null,
}
