namespace NetCourse.Lesson07.Tests;

[Task(1)]
public class LendingTests
{
    [Test, Hint("See Hint 1.1: with no idle connection and a free slot, call the dialer and lend what it returns.")]
    public async Task Get_on_an_empty_pool_dials_a_connection()
    {
        using var s = new PoolSetup();
        var connection = await s.GetAsync();
        s.Dialing.Dials.ShouldBe(1, "An empty pool must dial exactly once to lend a connection.");
        connection.ShouldBeSameAs(s.Dialing.Opened[0], "GetAsync must lend the connection the dialer returned.");
    }

    [Test, Hint("See Hint 1.2: Return puts the connection in the idle set; GetAsync takes from it before dialing.")]
    public async Task Get_after_Return_reuses_the_returned_connection_without_dialing()
    {
        using var s = new PoolSetup();
        var first = await s.GetAsync();
        s.Pool.Return(first);
        var second = await s.GetAsync();
        second.ShouldBeSameAs(first, "A live connection returned to the pool must be lent again.");
        s.Dialing.Dials.ShouldBe(1, "Reusing an idle connection must not dial.");
    }

    [Test, Hint("See Hint 1.3: a lent connection is not idle; a second borrower needs another one.")]
    public async Task Two_borrowers_holding_connections_at_once_get_different_connections()
    {
        using var s = new PoolSetup(maxConnections: 2);
        var first = await s.GetAsync();
        var second = await s.GetAsync();
        second.ShouldNotBeSameAs(first, "A connection already lent must never be lent to a second borrower.");
    }

    [Test, Hint("See Hint 1.4: count a dial each time you call the dialer, a reuse each time you lend an idle connection.")]
    public async Task Statistics_count_dials_and_reuses()
    {
        using var s = new PoolSetup();
        for (var i = 0; i < 3; i++) s.Pool.Return(await s.GetAsync());
        var stats = s.Pool.Statistics;
        stats.Dials.ShouldBe(1, "Three get/return cycles on one connection: one dial.");
        stats.Reuses.ShouldBe(2, "Three get/return cycles on one connection: two reuses.");
        stats.Discards.ShouldBe(0, "Nothing was broken or expired: no discards.");
    }

    [Test, Hint("See Hint 1.4: Live counts every connection that exists (lent or idle); Idle only those in the pool.")]
    public async Task Statistics_count_live_and_idle_connections()
    {
        using var s = new PoolSetup(maxConnections: 3);
        var a = await s.GetAsync();
        _ = await s.GetAsync();
        s.Pool.Return(a);
        s.Pool.Statistics.Live.ShouldBe(2, "Two connections exist, one lent and one idle: Live is 2.");
        s.Pool.Statistics.Idle.ShouldBe(1, "One of the two connections was returned: Idle is 1.");
    }

    [Test, Hint("See Hint 1.5: remember which connections are lent; a second Return of the same one is a caller bug.")]
    public async Task Returning_a_connection_twice_throws_InvalidOperationException()
    {
        using var s = new PoolSetup();
        var connection = await s.GetAsync();
        s.Pool.Return(connection);
        Should.Throw<InvalidOperationException>(() => s.Pool.Return(connection),
            "A second Return of the same connection would put it in the pool twice, and lend it to two borrowers.");
    }

    [Test, Hint("See Hint 1.5: only a connection this pool lent (and not yet got back) can be returned.")]
    public async Task Returning_a_connection_the_pool_never_lent_throws_InvalidOperationException()
    {
        using var s = new PoolSetup();
        _ = await s.GetAsync();
        var stranger = s.Dialing.Open();
        Should.Throw<InvalidOperationException>(() => s.Pool.Return(stranger),
            "A connection the pool never lent must be refused, not adopted.");
    }

    [Test, Hint("See Hint 1.5: a refused Return must leave the pool as it was.")]
    public async Task A_refused_Return_leaves_the_idle_connections_as_they_were()
    {
        using var s = new PoolSetup();
        var connection = await s.GetAsync();
        s.Pool.Return(connection);
        Should.Throw<InvalidOperationException>(() => s.Pool.Return(connection));
        s.Pool.Statistics.Idle.ShouldBe(1, "After a refused second Return the pool still holds its one idle connection, once.");
    }

    [Test, Hint("See Hint 1.4: a connection handed straight to a waiting borrower is lent again: a reuse.")]
    public async Task Statistics_count_a_connection_handed_to_a_waiter_as_a_reuse()
    {
        using var s = new PoolSetup(maxConnections: 1);
        var held = await s.GetAsync();
        var waiting = await s.StartWaitingBorrowerAsync();
        s.Pool.Return(held);
        await waiting.WithDeadline(what: "the waiting borrower after a connection came back");
        s.Pool.Statistics.Reuses.ShouldBe(1, "The returned connection went to the waiter instead of a new dial: one reuse.");
    }

    [Test, Hint("See Hint 1.4: a waiter that inherits a freed slot dials; that dial counts like any other.")]
    public async Task Statistics_count_the_dial_of_a_waiter_that_inherits_a_slot()
    {
        using var s = new PoolSetup(maxConnections: 1);
        var held = await s.GetAsync();
        var waiting = await s.StartWaitingBorrowerAsync();
        s.Pool.Return(held, broken: true);
        await waiting.WithDeadline(what: "the waiting borrower after the only connection was discarded");
        s.Pool.Statistics.Dials.ShouldBe(s.Dialing.Dials, "Statistics.Dials must count every call of the dialer, the waiter's included.");
    }
}
