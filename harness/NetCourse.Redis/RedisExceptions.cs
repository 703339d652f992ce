namespace NetCourse.Redis;

/// <summary>The server answered the command with an error reply (<c>-ERR …</c>, <c>-WRONGTYPE …</c>).</summary>
public sealed class RedisException(string message) : Exception(message);

/// <summary>The connection broke, or the server sent bytes that are not RESP. Every command
/// waiting for a reply on that connection, and every later one, fails with this.</summary>
public sealed class RedisConnectionException(string message, Exception? inner = null) : IOException(message, inner);
