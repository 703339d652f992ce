namespace NetCourse.Lesson07;

/// <summary>
/// A client-side connection pool in the spirit of Go's connpool: at most
/// <see cref="ConnectionPoolOptions.MaxConnections"/> connections, idle ones reused until they
/// have been idle for <see cref="ConnectionPoolOptions.IdleTimeout"/>, new ones opened by a dialer.
/// </summary>
/// <remarks>
/// Every decision (lend, dial, wait, discard) is taken under one lock, so the count of slots can
/// never go above the maximum and no connection is ever lent twice. Only the dial itself and
/// closing connections happen outside it: they are slow, and they call code the pool does not own.
/// </remarks>
public sealed partial class ConnectionPool<TConnection> : IDisposable
    where TConnection : class, IPoolableConnection
{
    private readonly IConnectionDialer<TConnection> _dialer;
    private readonly TimeProvider _time;
    private readonly int _maxConnections;
    private readonly TimeSpan _idleTimeout;

    private readonly Lock _gate = new();
    // The most recently returned connection on top: lending the warmest one lets the others
    // reach the idle timeout and be closed, instead of keeping every connection barely alive.
    private readonly Stack<IdleConnection> _idle;
    // Lent connections, by reference: a connection returned twice, or one this pool never lent,
    // is refused instead of being lent to two borrowers later.
    private readonly HashSet<TConnection> _lent;
    // Borrowers waiting for a slot, first come first served.
    private readonly LinkedList<Waiter> _waiters = new();

    private int _live;
    private long _dials, _reuses, _discards;
    private bool _disposed;

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
        _idle = new Stack<IdleConnection>(_maxConnections);
        _lent = new HashSet<TConnection>(_maxConnections, ReferenceEqualityComparer.Instance);
    }

    public PoolStatistics Statistics
    {
        get
        {
            lock (_gate) return new(_dials, _reuses, _discards, _live, _idle.Count, _waiters.Count);
        }
    }

    /// <summary>
    /// Lends a live idle connection, or dials a new one when there is a free slot, or waits (in
    /// arrival order) for a borrower to return one. A failed dial throws the dialer's own error.
    /// </summary>
    public ValueTask<TConnection> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<TConnection>(cancellationToken);

        List<TConnection>? discarded = null;
        TConnection? lent = null;
        Waiter? waiter = null;
        lock (_gate)
        {
            if (_disposed) return ValueTask.FromException<TConnection>(Disposed());

            lent = TakeIdle(ref discarded);
            if (lent is null)
            {
                if (_live < _maxConnections) ReserveSlotForDial();
                else waiter = Enqueue();
            }
        }
        CloseAll(discarded);

        // The fast path, a reused connection, completes synchronously and allocates nothing.
        if (lent is not null) return new ValueTask<TConnection>(lent);
        return new ValueTask<TConnection>(waiter is null ? DialAsync(cancellationToken) : WaitAsync(waiter, cancellationToken));
    }

    /// <summary>
    /// Gives a lent connection back. A connection the borrower reports <paramref name="broken"/>,
    /// or one the quick check finds closed, is closed and its slot freed; a healthy one goes to the
    /// first waiting borrower, or into the pool.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection is not lent by this pool (or was already returned).</exception>
    public void Return(TConnection connection, bool broken = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Waiter? next = null;
        bool close = false;
        lock (_gate)
        {
            if (!_lent.Remove(connection))
                throw new InvalidOperationException("This connection is not lent by this pool: it was already returned, or another pool lent it.");

            if (_disposed)
            {
                _live--;
                close = true;
            }
            else if (broken || !connection.IsAlive)
            {
                _discards++;
                close = true;
                next = FreeSlot();
            }
            else if (_waiters.First is { } first)
            {
                // Straight to the longest-waiting borrower: a connection never sits idle while
                // someone waits for one.
                next = Dequeue(first);
                _reuses++;
                _lent.Add(connection);
            }
            else
            {
                _idle.Push(new IdleConnection(connection, _time.GetTimestamp()));
            }
        }
        if (close) connection.Dispose();
        // Continuations run asynchronously (see Waiter), so completing here cannot re-enter the pool.
        next?.TrySetResult(close ? null : connection);
    }

    /// <summary>
    /// Closes every idle connection and fails every waiting borrower with
    /// <see cref="ObjectDisposedException"/>; lent connections are closed when they are returned.
    /// </summary>
    public void Dispose()
    {
        IdleConnection[] idle;
        Waiter[] waiters;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
            _live -= idle.Length;
            waiters = [.. _waiters];
            foreach (var waiter in waiters) waiter.Node = null;
            _waiters.Clear();
        }
        foreach (var entry in idle) entry.Connection.Dispose();
        foreach (var waiter in waiters)
            waiter.TrySetException(new ObjectDisposedException(GetType().Name, "The pool was disposed while this borrower waited for a connection."));
    }

    // Under the lock. Pops idle connections until one is fit to lend; the others are closed (by
    // the caller, outside the lock) and their slots freed.
    private TConnection? TakeIdle(ref List<TConnection>? discarded)
    {
        while (_idle.TryPop(out var entry))
        {
            if (_time.GetElapsedTime(entry.IdleSince) < _idleTimeout && entry.Connection.IsAlive)
            {
                _reuses++;
                _lent.Add(entry.Connection);
                return entry.Connection;
            }
            _live--;
            _discards++;
            (discarded ??= []).Add(entry.Connection);
        }
        return null;
    }

    // Under the lock. The caller will dial: the slot is taken before the dial starts, so that
    // concurrent borrowers see it taken and the maximum holds even while dials are in flight.
    private void ReserveSlotForDial()
    {
        _live++;
        _dials++;
    }

    // Under the lock. A slot became free: the first waiter inherits it (and will dial), else it
    // is given back. Returns the waiter to complete, outside the lock, with null ("dial").
    private Waiter? FreeSlot()
    {
        if (_waiters.First is { } first)
        {
            _dials++;
            return Dequeue(first);
        }
        _live--;
        return null;
    }

    private async Task<TConnection> DialAsync(CancellationToken cancellationToken)
    {
        TConnection? connection;
        try
        {
            connection = await _dialer.DialAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The slot was reserved for this dial: free it, or the pool shrinks by one for ever.
            // `throw;` hands the caller the dialer's own exception, not a wrapper.
            ReleaseSlot();
            throw;
        }
        if (connection is null)
        {
            ReleaseSlot();
            throw new InvalidOperationException("The dialer returned null instead of a connection.");
        }

        lock (_gate)
        {
            if (!_disposed)
            {
                _lent.Add(connection);
                return connection;
            }
            _live--;
        }
        connection.Dispose();
        throw Disposed();
    }

    private void ReleaseSlot()
    {
        Waiter? next = null;
        lock (_gate)
        {
            if (_disposed) _live--;
            else next = FreeSlot();
        }
        next?.TrySetResult(null);
    }

    private ObjectDisposedException Disposed() => new(GetType().Name, "The connection pool has been disposed.");

    private static void CloseAll(List<TConnection>? connections)
    {
        if (connections is null) return;
        foreach (var connection in connections) connection.Dispose();
    }

    private readonly record struct IdleConnection(TConnection Connection, long IdleSince);
}
