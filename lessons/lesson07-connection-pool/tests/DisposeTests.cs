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
}
