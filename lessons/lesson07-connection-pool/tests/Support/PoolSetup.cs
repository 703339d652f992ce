namespace NetCourse.Lesson07.Tests.Support;

/// <summary>A pool over the substitute dialer and the manual clock, and helpers to observe it.</summary>
public sealed class PoolSetup : IDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    public PoolSetup(int maxConnections = 2)
    {
        Pool = new ConnectionPool<FakeConnection>(Dialing.Dialer,
            new ConnectionPoolOptions { MaxConnections = maxConnections, IdleTimeout = IdleTimeout }, Clock);
    }

    public ManualClock Clock { get; } = new();

    public Dialing Dialing { get; } = new();

    public ConnectionPool<FakeConnection> Pool { get; }

    public IConnectionDialer<FakeConnection> Dialer => Dialing.Dialer;

    /// <summary>Gets a connection, failing the test if none comes within the standard deadline.</summary>
    public Task<FakeConnection> GetAsync(CancellationToken cancellationToken = default) =>
        Pool.GetAsync(cancellationToken).AsTask().WithDeadline(what: "pool.GetAsync()");

    /// <summary>Starts a borrower that will have to wait, and checks that it is queued.</summary>
    public async Task<Task<FakeConnection>> StartWaitingBorrowerAsync(CancellationToken cancellationToken = default)
    {
        var waitingBefore = Pool.Statistics.Waiting;
        var borrower = Pool.GetAsync(cancellationToken).AsTask();
        await Wait.UntilAsync(() => borrower.IsCompleted || Pool.Statistics.Waiting == waitingBefore + 1,
            what: "the borrower joining the queue (Statistics.Waiting going up by one)");
        borrower.IsCompleted.ShouldBeFalse("With every slot taken, GetAsync must wait for a connection to come back, not complete.");
        return borrower;
    }

    public void Dispose() => Pool.Dispose();
}
