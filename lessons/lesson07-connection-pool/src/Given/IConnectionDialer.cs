namespace NetCourse.Lesson07;

/// <summary>Opens a new connection: Go's <c>Dial</c> function, given to the pool.</summary>
public interface IConnectionDialer<TConnection> where TConnection : IPoolableConnection
{
    /// <summary>Opens a connection, or throws the error that prevented it.</summary>
    ValueTask<TConnection> DialAsync(CancellationToken cancellationToken);
}
