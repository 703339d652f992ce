namespace NetCourse.Lesson07.Tests;

[Task(2)]
public class WaitingTests
{
    [Test, Points(2), Hint("See Hint 2.4: keep waiting borrowers in a FIFO queue and always serve its head.")]
    public async Task Waiting_borrowers_are_served_in_arrival_order()
    {
        using var s = new PoolSetup(maxConnections: 1);
        var held = await s.GetAsync();
        var waiters = new List<Task<FakeConnection>>();
        for (var i = 0; i < 4; i++) waiters.Add(await s.StartWaitingBorrowerAsync());

        var stillWaiting = new List<Task<FakeConnection>>(waiters);
        for (var turn = 0; turn < waiters.Count; turn++)
        {
            s.Pool.Return(held);
            var served = await Task.WhenAny(stillWaiting).WithDeadline(what: "a waiting borrower being served");
            waiters.IndexOf(served).ShouldBe(turn, $"Borrower #{turn + 1} arrived first among those still waiting and must be served first.");
            stillWaiting.Remove(served);
            held = await served;
        }
    }

    [Test, Hint("See Hint 2.5: register a callback on the token that takes the waiter out of the queue and cancels its task.")]
    public async Task Borrower_cancelled_while_waiting_gets_OperationCanceledException()
    {
        using var s = new PoolSetup(maxConnections: 1);
        _ = await s.GetAsync();
        using var cancel = new CancellationTokenSource();
        var waiting = await s.StartWaitingBorrowerAsync(cancel.Token);
        await cancel.CancelAsync();
        (await Outcome.ExceptionOf(() => waiting)).ShouldBeAssignableTo<OperationCanceledException>(
            "A waiting borrower whose token is cancelled must stop waiting with OperationCanceledException.");
    }

    [Test, Hint("See Hint 2.5: a cancelled waiter must leave the queue.")]
    public async Task Borrower_cancelled_while_waiting_leaves_the_queue()
    {
        using var s = new PoolSetup(maxConnections: 1);
        _ = await s.GetAsync();
        using var cancel = new CancellationTokenSource();
        var waiting = await s.StartWaitingBorrowerAsync(cancel.Token);
        await cancel.CancelAsync();
        await Outcome.ExceptionOf(() => waiting);
        s.Pool.Statistics.Waiting.ShouldBe(0, "The cancelled borrower must no longer count as waiting.");
    }

    [Test, Points(2), Hint("See Hint 2.5: a connection returned after a waiter was cancelled must not be handed to that waiter.")]
    public async Task Borrower_cancelled_while_waiting_takes_no_slot()
    {
        using var s = new PoolSetup(maxConnections: 1);
        var held = await s.GetAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = await s.StartWaitingBorrowerAsync(cancel.Token);
        await cancel.CancelAsync();
        await Outcome.ExceptionOf(() => cancelled);
        s.Pool.Return(held);
        (await s.GetAsync()).ShouldBeSameAs(held, "After the only waiter cancelled, the returned connection must stay in the pool for the next borrower.");
    }

    [Test, Hint("See Hint 2.5: a token cancelled before the call fails at once, without taking anything.")]
    public async Task Get_with_an_already_cancelled_token_neither_dials_nor_lends()
    {
        using var s = new PoolSetup();
        (await Outcome.ExceptionOf(() => s.Pool.GetAsync(new CancellationToken(canceled: true))))
            .ShouldBeAssignableTo<OperationCanceledException>("GetAsync with a cancelled token must throw OperationCanceledException.");
        s.Dialing.Dials.ShouldBe(0, "A borrower that was cancelled before it asked must not make the pool dial.");
    }

    [Test, Hint("See Hint 2.5: a waiter already served keeps what it was handed; its token cancelled afterwards does nothing.")]
    public async Task Borrower_cancelled_right_after_being_served_keeps_its_connection()
    {
        using var s = new PoolSetup(maxConnections: 1);
        var held = await s.GetAsync();
        using var cancel = new CancellationTokenSource();
        var waiting = await s.StartWaitingBorrowerAsync(cancel.Token);
        s.Pool.Return(held);
        Should.NotThrow(() => cancel.Cancel(), "Cancelling a borrower that was just served must do nothing, not fail in the pool's callback.");
        (await waiting.WithDeadline(what: "the borrower served before its token was cancelled")).ShouldBeSameAs(held,
            "The borrower was handed the connection before its token was cancelled: it keeps it (and will return it).");
    }
}
