namespace NetCourse.Lesson07.Tests;

[Task(3)]
public class DialFailureTests
{
    [Test, Hint("See Hint 3.5: let the dialer's exception propagate unchanged (`throw;`, not `throw new ...(e)`).")]
    public async Task Dial_failure_reaches_the_caller_as_the_dialers_own_exception()
    {
        using var s = new PoolSetup();
        var refused = new IOException("connection refused");
        s.Dialer.Configure().DialAsync(default).ThrowsAsyncForAnyArgs(refused);
        (await Outcome.ExceptionOf(() => s.Pool.GetAsync())).ShouldBeSameAs(refused,
            "The caller must see the dialer's own exception, not a wrapper or another error.");
    }

    [Test, Hint("See Hint 3.5: a dialer may also throw before it returns a task; treat both the same.")]
    public async Task Dial_that_throws_synchronously_reaches_the_caller_as_its_own_exception()
    {
        using var s = new PoolSetup();
        var refused = new IOException("connection refused");
        s.Dialer.Configure().DialAsync(default).ThrowsForAnyArgs(refused);
        (await Outcome.ExceptionOf(() => s.Pool.GetAsync())).ShouldBeSameAs(refused,
            "The caller must see the dialer's own exception, even when DialAsync throws instead of returning a faulted task.");
    }

    [Test, Points(2), Hint("See Hint 3.5: the slot was taken for the dial; give it back when the dial fails (try/catch around the await).")]
    public async Task Dial_failure_frees_its_slot()
    {
        using var s = new PoolSetup(maxConnections: 1);
        s.Dialer.Configure().DialAsync(default).ReturnsForAnyArgs(
            _ => throw new IOException("connection refused"),
            _ => new ValueTask<FakeConnection>(s.Dialing.Open()));
        await Outcome.ExceptionOf(() => s.Pool.GetAsync());
        var connection = await s.GetAsync();
        connection.ShouldNotBeNull("After a failed dial the pool of 1 must have its slot back and dial again.");
        s.Pool.Statistics.Live.ShouldBe(1, "One connection is lent: Live must be 1, not 2.");
    }

    [Test, Hint("See Hint 3.5: a freed slot goes to the first waiting borrower, who dials.")]
    public async Task Dial_failure_passes_its_slot_to_a_waiting_borrower()
    {
        using var s = new PoolSetup(maxConnections: 1);
        var firstDial = new TaskCompletionSource<FakeConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Dialer.Configure().DialAsync(default).ReturnsForAnyArgs(
            _ => new ValueTask<FakeConnection>(firstDial.Task),
            _ => new ValueTask<FakeConnection>(s.Dialing.Open()));
        var failing = s.Pool.GetAsync().AsTask();
        var waiting = await s.StartWaitingBorrowerAsync();
        firstDial.SetException(new IOException("connection refused"));
        (await Outcome.ExceptionOf(() => failing)).ShouldBeOfType<IOException>();
        (await waiting.WithDeadline(what: "the waiting borrower after the dial in flight failed")).ShouldNotBeNull();
        s.Dialing.Dials.ShouldBe(2, "The waiter inherits the failed dial's slot and dials once.");
    }

    [Test, Points(2), TimeLimit(60), Hint("See Hint 3.5: every path that takes a slot (dial, waiter, hand-over) must give it back on failure.")]
    public async Task Random_dial_failures_and_broken_returns_never_leak_a_slot()
    {
        const int max = 3;
        using var s = new PoolSetup(maxConnections: max);
        var random = TestSeed.RandomForCurrentTest();
        s.Dialer.Configure().DialAsync(default).ReturnsForAnyArgs(_ => SometimesFailingDial());
        using var deadline = Deadline.Start(TimeSpan.FromSeconds(45));

        var borrowers = Enumerable.Range(0, 20).Select(b => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                FakeConnection connection;
                try { connection = await s.Pool.GetAsync(deadline.Token); }
                catch (IOException) { continue; }
                bool broken;
                lock (random) broken = random.Next(5) == 0;
                s.Pool.Return(connection, broken);
            }
        })).ToArray();
        await Task.WhenAll(borrowers).WithDeadline(TimeSpan.FromSeconds(50), "20 borrowers x 200 cycles with failing dials");

        async ValueTask<FakeConnection> SometimesFailingDial()
        {
            await Task.Yield();
            bool fail;
            lock (random) fail = random.Next(3) == 0;
            return fail ? throw new IOException("connection refused") : s.Dialing.Open();
        }

        var stats = s.Pool.Statistics;
        stats.Live.ShouldBe(stats.Idle, "Every borrower returned its connection: every live slot must be an idle connection; the difference leaked.");
        stats.Live.ShouldBe(s.Dialing.OpenCount, "Live must equal the connections actually open.");
        s.Dialer.Configure().DialAsync(default).ReturnsForAnyArgs(_ => new ValueTask<FakeConnection>(s.Dialing.Open()));
        var all = await Task.WhenAll(Enumerable.Range(0, max).Select(_ => s.GetAsync()));
        all.Distinct().Count().ShouldBe(max, $"Once dials succeed again, {max} borrowers at once must each get a connection: no slot may have leaked.");
    }
}
