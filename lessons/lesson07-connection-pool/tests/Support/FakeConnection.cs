namespace NetCourse.Lesson07.Tests.Support;

/// <summary>A connection with no socket: the test decides whether it is alive, and sees whether
/// the pool closed it and how many borrowers hold it at once.</summary>
public sealed class FakeConnection(int id, Dialing owner) : IPoolableConnection
{
    private int _disposed;
    private int _holders;

    public int Id => id;

    public bool IsAlive { get; set; } = true;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>A borrower starts using the connection; false if another borrower already holds it.</summary>
    public bool TryHold() => Interlocked.Increment(ref _holders) == 1;

    public void Release() => Interlocked.Decrement(ref _holders);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.OnClosed();
    }

    public override string ToString() => $"connection #{id}";
}
