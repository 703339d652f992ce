namespace NetCourse.Lesson07.Tests;

[Task(2)]
public class LimitTests
{
    [Test, Hint("See Hint 2.1: when every slot is taken, GetAsync waits instead of dialing.")]
    public async Task Borrower_over_the_maximum_waits_instead_of_dialing()
    {
        using var s = new PoolSetup(maxConnections: 2);
        _ = await s.GetAsync();
        _ = await s.GetAsync();
        _ = await s.StartWaitingBorrowerAsync();
        s.Dialing.Dials.ShouldBe(2, "With MaxConnections = 2 and two connections lent, a third borrower must not dial.");
    }

    [Test, Points(2), Hint("See Hint 2.2: take the slot before the dial starts, under the same lock as the check; a dial in flight counts.")]
    public async Task Dials_in_flight_count_against_the_maximum()
    {
        using var s = new PoolSetup(maxConnections: 2);
        var pending = new List<TaskCompletionSource<FakeConnection>>();
        s.Dialer.Configure().DialAsync(default).ReturnsForAnyArgs(_ =>
        {
            var dial = new TaskCompletionSource<FakeConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (pending) pending.Add(dial);
            return new ValueTask<FakeConnection>(dial.Task);
        });
        var borrowers = Enumerable.Range(0, 3).Select(_ => s.Pool.GetAsync().AsTask()).ToList();
        s.Dialing.Dials.ShouldBe(2, "Two dials still in flight fill a pool of 2: the third borrower must wait, not dial a third connection.");
        lock (pending) pending.ForEach(dial => dial.TrySetResult(s.Dialing.Open()));
    }

    [Test, Hint("See Hint 2.3: a healthy connection given back goes straight to the first waiting borrower.")]
    public async Task Returned_connection_goes_to_the_waiting_borrower()
    {
        using var s = new PoolSetup(maxConnections: 1);
        var held = await s.GetAsync();
        var waiting = await s.StartWaitingBorrowerAsync();
        s.Pool.Return(held);
        (await waiting.WithDeadline()).ShouldBeSameAs(held, "The returned connection must be handed to the borrower that was waiting.");
        s.Dialing.Dials.ShouldBe(1, "Handing a returned connection to a waiter must not dial.");
    }

    [Test, Points(3), TimeLimit(60), Hint("See Hint 2.2: every decision (count, idle set, lent set) under one lock; a connection leaves the idle set before it is lent.")]
    public async Task Hundred_borrowers_of_a_thousand_cycles_never_exceed_the_maximum_nor_share_a_connection()
    {
        const int max = 4;
        using var s = new PoolSetup(maxConnections: max);
        // A dial that yields: borrowers interleave while dials are in flight.
        s.Dialer.Configure().DialAsync(default).ReturnsForAnyArgs(_ => YieldThenOpen());
        var seed = TestSeed.ForCurrentTest();
        var shared = 0;
        using var deadline = Deadline.Start(TimeSpan.FromSeconds(45));

        var borrowers = Enumerable.Range(0, 100).Select(b => Task.Run(async () =>
        {
            var random = new Random(seed + b);
            for (var i = 0; i < 1_000; i++)
            {
                var connection = await s.Pool.GetAsync(deadline.Token);
                if (!connection.TryHold()) Interlocked.Increment(ref shared);
                if (random.Next(8) == 0) await Task.Yield();
                connection.Release();
                s.Pool.Return(connection);
            }
        })).ToArray();
        await Task.WhenAll(borrowers).WithDeadline(TimeSpan.FromSeconds(50), "100 borrowers x 1,000 get/return cycles");

        async ValueTask<FakeConnection> YieldThenOpen()
        {
            await Task.Yield();
            return s.Dialing.Open();
        }

        s.Dialing.MaxOpen.ShouldBeLessThanOrEqualTo(max, $"At most {max} connections may exist at once; {s.Dialing.MaxOpen} were open together.");
        shared.ShouldBe(0, "A connection was lent to a borrower while another borrower still held it.");
    }
}
