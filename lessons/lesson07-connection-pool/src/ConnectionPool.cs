namespace NetCourse.Lesson07;

/// <summary>
/// A client-side connection pool in the spirit of Go's connpool: at most
/// <see cref="ConnectionPoolOptions.MaxConnections"/> connections, idle ones reused until they
/// have been idle for <see cref="ConnectionPoolOptions.IdleTimeout"/>, new ones opened by a dialer.
/// </summary>
/// <remarks>
/// Many borrowers call <see cref="GetAsync"/> and <see cref="Return"/> at once, from many threads.
/// Take every decision (lend, dial, wait, discard) under one lock; call the dialer and close
/// connections outside it.
/// </remarks>
public sealed class ConnectionPool<TConnection> : IDisposable
    where TConnection : class, IPoolableConnection
{
    // Given: the pool's collaborators and limits. Add the rest yourself: the idle connections
    // (with the time each became idle), the lent ones, the count of slots, the waiting borrowers.
    private readonly IConnectionDialer<TConnection> _dialer;
    private readonly TimeProvider _time;
    private readonly int _maxConnections;
    private readonly TimeSpan _idleTimeout;

    /// <param name="dialer">Opens a new connection when no idle one can be lent.</param>
    /// <param name="options">The limits; <c>new ConnectionPoolOptions()</c> when null.</param>
    /// <param name="time">The clock for idle timeouts; <see cref="TimeProvider.System"/> when null.</param>
    public ConnectionPool(IConnectionDialer<TConnection> dialer, ConnectionPoolOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(dialer);
        options ??= new ConnectionPoolOptions();
        options.Validate();
        _dialer = dialer;
        _time = time ?? TimeProvider.System;
        _maxConnections = options.MaxConnections;
        _idleTimeout = options.IdleTimeout;
    }

    public PoolStatistics Statistics =>
        throw new NotImplementedException("Task 1: return a snapshot of the counters (dials, reuses, discards, live, idle, waiting), read under the pool's lock.");

    /// <summary>
    /// Lends a live idle connection, or dials a new one when there is a free slot, or waits (in
    /// arrival order) for a borrower to return one. A failed dial throws the dialer's own error.
    /// </summary>
    public ValueTask<TConnection> GetAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 1: lend an idle connection, else take a slot and dial one; Task 2: at the maximum, wait in line.");

    /// <summary>
    /// Gives a lent connection back. A connection the borrower reports <paramref name="broken"/>,
    /// or one the quick check finds closed, is closed and its slot freed; a healthy one goes to the
    /// first waiting borrower, or into the pool.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection is not lent by this pool (or was already returned).</exception>
    public void Return(TConnection connection, bool broken = false) =>
        throw new NotImplementedException("Task 1: put the connection back among the idle ones (refuse one that is not lent); Task 2: hand it to the first waiter instead.");

    /// <summary>
    /// Closes every idle connection and fails every waiting borrower with
    /// <see cref="ObjectDisposedException"/>; lent connections are closed when they are returned.
    /// </summary>
    public void Dispose() =>
        throw new NotImplementedException("Task 5: close the idle connections, fail the waiters with ObjectDisposedException, refuse further gets.");
}
