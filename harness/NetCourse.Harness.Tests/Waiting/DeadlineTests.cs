using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Waiting;

public class DeadlineTests
{
    [Test]
    public async Task A_task_that_completes_in_time_passes_its_result_through()
    {
        (await Task.FromResult(42).WithDeadline()).ShouldBe(42);
    }

    [Test]
    public async Task A_late_task_fails_with_a_message_naming_what_was_awaited()
    {
        var never = new TaskCompletionSource();

        var error = await Should.ThrowAsync<DeadlineExceededException>(() => never.Task.WithDeadline(TimeSpan.FromMilliseconds(20)));

        error.Message.ShouldBe("`never.Task` did not complete within 20 ms.");
    }

    [Test]
    public async Task The_caller_can_name_what_was_awaited()
    {
        var never = new TaskCompletionSource<int>();

        var error = await Should.ThrowAsync<DeadlineExceededException>(() => never.Task.WithDeadline(TimeSpan.FromMilliseconds(20), "the server's greeting"));

        error.Message.ShouldStartWith("`the server's greeting` did not complete");
    }

    [Test]
    public async Task A_failing_task_keeps_its_own_exception()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => Task.FromException(new InvalidOperationException()).WithDeadline());
    }

    [Test]
    public async Task Wait_until_returns_once_the_condition_holds()
    {
        var count = 0;
        using var timer = new Timer(_ => Interlocked.Increment(ref count), null, 0, 1);

        await Wait.UntilAsync(() => Volatile.Read(ref count) >= 3);

        Volatile.Read(ref count).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Test]
    public async Task Wait_until_fails_with_the_condition_in_the_message()
    {
        var error = await Should.ThrowAsync<DeadlineExceededException>(() => Wait.UntilAsync(() => false, TimeSpan.FromMilliseconds(20)));

        error.Message.ShouldBe("`() => false` did not become true within 20 ms.");
    }

    [Test]
    public async Task Wait_until_takes_a_condition_read_asynchronously()
    {
        var reads = 0;
        await Wait.UntilAsync(async () => { await Task.Yield(); return ++reads == 3; });
        reads.ShouldBe(3);
    }

    [Test]
    public async Task Wait_until_describes_the_state_seen_when_it_gave_up()
    {
        var received = new List<int> { 1, 2 };

        var error = await Should.ThrowAsync<DeadlineExceededException>(() =>
            Wait.UntilAsync(() => received.Count == 3, () => $"three messages (received so far: {string.Join(", ", received)})", TimeSpan.FromMilliseconds(20)));

        error.Message.ShouldBe("Waited 20 ms for three messages (received so far: 1, 2).");
    }
}
