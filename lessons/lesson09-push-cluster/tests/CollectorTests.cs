namespace NetCourse.Lesson09.Tests;

/// <summary>Task 3: collect stores first, then forwards; a failed hand-off is not a failed collect.</summary>
[Task(3)]
public class CollectorTests
{
    private readonly record struct Setup(InMemoryMessageStore Store, IDispatcher Dispatch, Collector Collector);

    private static Setup NewSetup()
    {
        var store = new InMemoryMessageStore();
        var dispatch = Substitute.For<IDispatcher>();
        dispatch.DispatchAsync(default!, default).ReturnsForAnyArgs(DispatchOutcome.Delivered);
        return new Setup(store, dispatch, new Collector(store, dispatch));
    }

    [Test, Hint("See Hint 3.1: IMessageStore.AddAsync gives the message its id; return what it returns.")]
    public async Task Collect_returns_the_message_as_stored_with_its_id()
    {
        var s = NewSetup();
        var message = await s.Collector.CollectAsync("alice", "hello").WithDeadline();
        (await s.Store.PendingAsync("alice")).ShouldBe([message], "CollectAsync must return the message the store holds, id included.");
    }

    [Test, Hint("See Hint 3.1: after storing, hand the stored message (with its id) to the dispatcher.")]
    public async Task Collect_hands_the_stored_message_to_dispatch()
    {
        var s = NewSetup();
        var message = await s.Collector.CollectAsync("alice", "hello").WithDeadline();
        await s.Dispatch.Received(1).DispatchAsync(message, Arg.Any<CancellationToken>());
    }

    [Test, Points(2), Hint("See Hint 3.1: store first, forward second: when dispatch sees the message it must already be in the store.")]
    public async Task Collect_stores_the_message_before_handing_it_to_dispatch()
    {
        var s = NewSetup();
        IReadOnlyList<PushMessage>? storedWhenDispatched = null;
        s.Dispatch.DispatchAsync(default!, default).ReturnsForAnyArgs(async call =>
        {
            storedWhenDispatched = await s.Store.PendingAsync(call.Arg<PushMessage>().UserId);
            return DispatchOutcome.Delivered;
        });
        var message = await s.Collector.CollectAsync("alice", "hello").WithDeadline();
        storedWhenDispatched.ShouldNotBeNull("Collect must hand the message to dispatch.");
        storedWhenDispatched.ShouldContain(message, "When dispatch received the message it was not in the store yet: a crash right then would lose it.");
    }

    [Test, Points(2), Hint("See Hint 3.2: catch the HttpRequestException of a dispatch that is down; the message is stored, so collect has succeeded.")]
    public async Task Collect_succeeds_and_keeps_the_message_when_dispatch_is_down()
    {
        var s = NewSetup();
        s.Dispatch.DispatchAsync(default!, default).ThrowsAsyncForAnyArgs(new HttpRequestException("Connection refused (dispatch)"));
        var message = await Outcome.ShouldSucceed(s.Collector.CollectAsync("alice", "hello"),
            "Dispatch being down is not the producer's problem: the message is stored, collect has done its job.");
        (await s.Store.PendingAsync("alice")).ShouldBe([message], "The message must stay in the store, for alice's next connection.");
    }
}
