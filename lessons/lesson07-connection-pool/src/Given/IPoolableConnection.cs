namespace NetCourse.Lesson07;

/// <summary>A connection a <see cref="ConnectionPool{TConnection}"/> can lend out.</summary>
public interface IPoolableConnection : IDisposable
{
    /// <summary>
    /// A quick check, without blocking, that the connection can still be used: false once the
    /// server has closed it (or it failed). The pool asks before it lends an idle connection.
    /// </summary>
    bool IsAlive { get; }
}
