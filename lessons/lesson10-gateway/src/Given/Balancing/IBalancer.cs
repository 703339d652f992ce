namespace NetCourse.Lesson10;

/// <summary>Chooses the backend for one request (or one TCP connection).</summary>
public interface IBalancer
{
    /// <summary>The backends this balancer chooses from, down ones included.</summary>
    IReadOnlyList<Backend> Backends { get; }

    /// <summary>
    /// The backend for a request whose client key is <paramref name="key"/> (the client's address,
    /// or its user when it sent a token). Only the consistent-hash balancer looks at the key.
    /// Never a backend that is down; null when every backend is down.
    /// </summary>
    Backend? Pick(string key);
}
