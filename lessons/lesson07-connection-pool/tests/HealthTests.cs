namespace NetCourse.Lesson07.Tests;

[Task(3)]
public class HealthTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Test, Hint("See Hint 3.1: note when a connection became idle (TimeProvider.GetTimestamp) and compare at the next get.")]
    public async Task Connection_idle_just_under_the_timeout_is_reused()
    {
        using var s = new PoolSetup();
        var first = await s.GetAsync();
        s.Pool.Return(first);
        s.Clock.Advance(PoolSetup.IdleTimeout - Tick);
        (await s.GetAsync()).ShouldBeSameAs(first, "A connection idle for less than IdleTimeout is still good: reuse it.");
    }

    [Test, Points(2), Hint("See Hint 3.1: idle for IdleTimeout or longer means expired: close it and dial a new one.")]
    public async Task Connection_idle_for_the_timeout_is_redialed()
    {
        using var s = new PoolSetup();
        var first = await s.GetAsync();
        s.Pool.Return(first);
        s.Clock.Advance(PoolSetup.IdleTimeout);
        var second = await s.GetAsync();
        second.ShouldNotBeSameAs(first, "A connection idle for IdleTimeout has expired and must not be lent again.");
        s.Dialing.Dials.ShouldBe(2, "An expired connection is replaced by dialing a new one.");
    }

    [Test, Hint("See Hint 3.1: the pool closes (Dispose) the expired connection and frees its slot.")]
    public async Task Expired_connection_is_closed()
    {
        using var s = new PoolSetup();
        var first = await s.GetAsync();
        s.Pool.Return(first);
        s.Clock.Advance(PoolSetup.IdleTimeout);
        _ = await s.GetAsync();
        first.IsDisposed.ShouldBeTrue("An expired connection must be disposed, not just forgotten.");
    }

    [Test, Hint("See Hint 3.1: the idle time starts at the last Return, not when the connection was dialed.")]
    public async Task Idle_time_counts_from_the_last_return()
    {
        using var s = new PoolSetup();
        var first = await s.GetAsync();
        s.Clock.Advance(PoolSetup.IdleTimeout * 2);
        s.Pool.Return(first);
        s.Clock.Advance(PoolSetup.IdleTimeout - Tick);
        (await s.GetAsync()).ShouldBeSameAs(first, "The connection was lent for a long time but idle only briefly: reuse it.");
    }

    [Test, Hint("See Hint 3.2: Return(connection, broken: true) closes the connection and frees its slot.")]
    public async Task Connection_reported_broken_is_closed_and_not_lent_again()
    {
        using var s = new PoolSetup();
        var first = await s.GetAsync();
        s.Pool.Return(first, broken: true);
        first.IsDisposed.ShouldBeTrue("A connection the borrower reports broken must be disposed.");
        (await s.GetAsync()).ShouldNotBeSameAs(first, "A broken connection must never be lent again.");
    }

    [Test, Points(2), Hint("See Hint 3.3: ask IsAlive before lending an idle connection; a dead one is discarded.")]
    public async Task Idle_connection_closed_by_the_server_is_not_lent()
    {
        using var s = new PoolSetup();
        var first = await s.GetAsync();
        s.Pool.Return(first);
        first.IsAlive = false;
        var second = await s.GetAsync();
        second.ShouldNotBeSameAs(first, "IsAlive is false: the server closed that connection, so it must not be lent.");
        first.IsDisposed.ShouldBeTrue("A dead connection must be disposed when the pool discards it.");
    }

    [Test, Points(2), Hint("See Hint 3.3: ask IsAlive in Return too; a connection the server closed while it was lent is discarded, not handed on.")]
    public async Task Connection_that_died_while_lent_is_not_handed_to_a_waiting_borrower()
    {
        using var s = new PoolSetup(maxConnections: 1);
        var held = await s.GetAsync();
        var waiting = await s.StartWaitingBorrowerAsync();
        held.IsAlive = false;
        s.Pool.Return(held);
        var served = await waiting.WithDeadline(what: "the waiting borrower after a dead connection came back");
        served.ShouldNotBeSameAs(held, "The server closed that connection while it was lent: Return must discard it, and the waiter dial a new one.");
        held.IsDisposed.ShouldBeTrue("A connection found dead on Return must be disposed.");
    }

    [Test, Hint("See Hint 3.2: a discarded connection frees its slot; a waiting borrower takes it and dials.")]
    public async Task Broken_connection_frees_its_slot_for_a_waiting_borrower()
    {
        using var s = new PoolSetup(maxConnections: 1);
        var held = await s.GetAsync();
        var waiting = await s.StartWaitingBorrowerAsync();
        s.Pool.Return(held, broken: true);
        var served = await waiting.WithDeadline(what: "the waiting borrower after the only connection was discarded");
        served.ShouldNotBeSameAs(held, "The waiting borrower must get a newly dialed connection, not the broken one.");
    }

    [Test, Hint("See Hint 3.4: count every connection the pool closes because it was broken, dead or expired.")]
    public async Task Statistics_count_discarded_connections()
    {
        using var s = new PoolSetup(maxConnections: 3);
        var broken = await s.GetAsync();
        var dead = await s.GetAsync();
        s.Pool.Return(broken, broken: true);
        s.Pool.Return(dead);
        dead.IsAlive = false;
        var expired = await s.GetAsync();
        s.Pool.Return(expired);
        s.Clock.Advance(PoolSetup.IdleTimeout);
        _ = await s.GetAsync();
        s.Pool.Statistics.Discards.ShouldBe(3, "One broken, one dead and one expired connection: three discards.");
    }

    [Test, Hint("See Hint 3.1: an expired connection is closed, then the next one is looked at: every expired one is closed.")]
    public async Task Every_expired_idle_connection_is_closed_at_the_next_get()
    {
        using var s = new PoolSetup(maxConnections: 2);
        var older = await s.GetAsync();
        var newer = await s.GetAsync();
        s.Pool.Return(older);
        s.Pool.Return(newer);
        s.Clock.Advance(PoolSetup.IdleTimeout);
        _ = await s.GetAsync();
        older.IsDisposed.ShouldBeTrue("Both idle connections expired: the get must close the one under the top too, not only the first it looked at.");
        newer.IsDisposed.ShouldBeTrue("Both idle connections expired: the get must close them both.");
    }
}
