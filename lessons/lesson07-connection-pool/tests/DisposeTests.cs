namespace NetCourse.Lesson07.Tests;

[Task(5)]
public class DisposeTests
{
    [Test, Hint("See Hint 5.1: Dispose closes every idle connection.")]
    public async Task Dispose_closes_idle_connections()
    {
        var s = new PoolSetup();
        var connection = await s.GetAsync();
        s.Pool.Return(connection);
        s.Pool.Dispose();
        connection.IsDisposed.ShouldBeTrue("An idle connection must be closed when the pool is disposed.");
    }

    [Test, Points(2), Hint("See Hint 5.2: fail every queued waiter with ObjectDisposedException, so nobody waits for ever.")]
    public async Task Dispose_fails_waiting_borrowers_with_ObjectDisposedException()
    {
        var s = new PoolSetup(maxConnections: 1);
        _ = await s.GetAsync();
        var waiting = await s.StartWaitingBorrowerAsync();
        s.Pool.Dispose();
        (await Outcome.ExceptionOf(() => waiting)).ShouldBeOfType<ObjectDisposedException>(
            "A borrower waiting when the pool is disposed must fail clearly with ObjectDisposedException.");
    }

    [Test, Hint("See Hint 5.3: after Dispose, GetAsync fails with ObjectDisposedException.")]
    public async Task Get_after_Dispose_throws_ObjectDisposedException()
    {
        var s = new PoolSetup();
        s.Pool.Dispose();
        (await Outcome.ExceptionOf(() => s.Pool.GetAsync())).ShouldBeOfType<ObjectDisposedException>(
            "A disposed pool must refuse to lend with ObjectDisposedException.");
        s.Dialing.Dials.ShouldBe(0, "A disposed pool must not dial.");
    }

    [Test, Hint("See Hint 5.3: a connection lent before Dispose is closed when it comes back.")]
    public async Task Connection_returned_after_Dispose_is_closed()
    {
        var s = new PoolSetup();
        var connection = await s.GetAsync();
        s.Pool.Dispose();
        s.Pool.Return(connection);
        connection.IsDisposed.ShouldBeTrue("A disposed pool keeps nothing: a connection returned to it must be closed.");
    }

    [Test, Hint("See Hint 5.1: disposing twice is harmless.")]
    public async Task Dispose_twice_does_not_throw()
    {
        var s = new PoolSetup();
        s.Pool.Return(await s.GetAsync());
        s.Pool.Dispose();
        Should.NotThrow(() => s.Pool.Dispose(), "Dispose must be idempotent.");
    }

    [Test, Hint("See Hint 5.1: Dispose frees the slots of the idle connections it closes; a connection returned afterwards frees its own.")]
    public async Task A_disposed_pool_holds_no_slot_once_every_connection_is_back()
    {
        var s = new PoolSetup(maxConnections: 3);
        var lent = await s.GetAsync();
        var idle = await s.GetAsync();
        s.Pool.Return(idle);
        s.Pool.Dispose();
        s.Pool.Return(lent);
        var stats = s.Pool.Statistics;
        stats.Idle.ShouldBe(0, "Dispose closed the idle connection: none is idle any more.");
        stats.Live.ShouldBe(0, "The idle connection was closed by Dispose and the lent one when it came back: no slot is in use.");
    }

    [Test, Hint("See Hint 5.2: the waiters Dispose fails are no longer waiting.")]
    public async Task A_disposed_pool_has_nobody_waiting()
    {
        var s = new PoolSetup(maxConnections: 1);
        _ = await s.GetAsync();
        var waiting = await s.StartWaitingBorrowerAsync();
        s.Pool.Dispose();
        await Outcome.ExceptionOf(() => waiting);
        s.Pool.Statistics.Waiting.ShouldBe(0, "Dispose failed the waiter: Statistics.Waiting must be 0.");
    }

    [Test, Hint("See Hint 5.3: a dial that completes after Dispose is closed.")]
    public async Task Connection_dialed_after_Dispose_is_closed()
    {
        var s = new PoolSetup();
        var (borrower, dial) = await StartADialThenDisposeAsync(s);
        var connection = s.Dialing.Open();
        dial.SetResult(connection);
        await Outcome.ExceptionOf(() => borrower);
        connection.IsDisposed.ShouldBeTrue("The pool was disposed while the dial was in flight: the connection it returns must be closed.");
    }

    [Test, Hint("See Hint 5.3: the borrower of a dial that completes after Dispose gets ObjectDisposedException, like a waiter.")]
    public async Task Borrower_whose_dial_completes_after_Dispose_gets_ObjectDisposedException()
    {
        var s = new PoolSetup();
        var (borrower, dial) = await StartADialThenDisposeAsync(s);
        dial.SetResult(s.Dialing.Open());
        (await Outcome.ExceptionOf(() => borrower)).ShouldBeOfType<ObjectDisposedException>(
            "The pool was disposed while this borrower's dial was in flight: it must fail with ObjectDisposedException.");
    }

    [Test, Hint("See Hint 5.3: a dial that completes after Dispose is closed, and its slot freed.")]
    public async Task Dial_that_completes_after_Dispose_frees_its_slot()
    {
        var s = new PoolSetup();
        var (borrower, dial) = await StartADialThenDisposeAsync(s);
        dial.SetResult(s.Dialing.Open());
        await Outcome.ExceptionOf(() => borrower);
        s.Pool.Statistics.Live.ShouldBe(0, "The connection dialed after Dispose was closed: its slot must be free.");
    }

    [Test, Hint("See Hint 3.5 and 5.3: a dial that fails after Dispose gives its slot back too.")]
    public async Task Dial_that_fails_after_Dispose_frees_its_slot()
    {
        var s = new PoolSetup();
        var (borrower, dial) = await StartADialThenDisposeAsync(s);
        dial.SetException(new IOException("connection refused"));
        await Outcome.ExceptionOf(() => borrower);
        s.Pool.Statistics.Live.ShouldBe(0, "The dial failed after Dispose: its slot must be free.");
    }

    // A borrower whose dial is held pending, then the pool disposed while it is in flight.
    private static async Task<(Task<FakeConnection> Borrower, TaskCompletionSource<FakeConnection> Dial)> StartADialThenDisposeAsync(PoolSetup s)
    {
        var dial = new TaskCompletionSource<FakeConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Dialer.Configure().DialAsync(default).ReturnsForAnyArgs(_ => new ValueTask<FakeConnection>(dial.Task));
        var borrower = s.Pool.GetAsync().AsTask();
        await Wait.UntilAsync(() => borrower.IsCompleted || s.Dialing.Dials == 1, what: "the pool calling the dialer for its first borrower");
        borrower.IsCompleted.ShouldBeFalse("The dial is still in flight: GetAsync must not have completed.");
        s.Pool.Dispose();
        return (borrower, dial);
    }
}
