namespace NetCourse.Lesson09.Tests;

/// <summary>Task 4: dispatch routing, with a substitute for the HTTP client to the nodes.</summary>
[Task(4)]
public class DispatcherTests
{
    private const string NodeB = "http://127.0.0.1:40002";
    private static readonly PushMessage Message = new(17, "alice", "hello");

    private sealed record Setup(ManualClock Clock, InMemorySessionRegistry Registry, INodeClient Nodes, Dispatcher Dispatcher);

    private static Setup NewSetup()
    {
        var clock = new ManualClock();
        var registry = new InMemorySessionRegistry(clock);
        var nodes = Substitute.For<INodeClient>();
        nodes.DeliverAsync(default!, default!, default).ReturnsForAnyArgs(true);
        return new Setup(clock, registry, nodes, new Dispatcher(registry, nodes));
    }

    [Test, Points(2), Hint("See Hint 4.1: LookupAsync(message.UserId) gives the node; DeliverAsync(node, message) asks it to deliver.")]
    public async Task Dispatch_forwards_the_message_to_the_node_in_the_registry()
    {
        var s = NewSetup();
        await s.Registry.RegisterAsync("alice", NodeB, TimeSpan.FromSeconds(30));
        (await s.Dispatcher.DispatchAsync(Message).WithDeadline()).ShouldBe(DispatchOutcome.Delivered);
        await s.Nodes.Received(1).DeliverAsync(NodeB, Message, Arg.Any<CancellationToken>());
    }

    [Test, Hint("See Hint 4.2: no registry entry means offline: UserOffline, and no node to call.")]
    public async Task Dispatch_for_an_offline_user_reports_UserOffline_and_calls_no_node()
    {
        var s = NewSetup();
        (await s.Dispatcher.DispatchAsync(Message).WithDeadline()).ShouldBe(DispatchOutcome.UserOffline, "Nobody registered alice: she is offline.");
        await s.Nodes.DidNotReceiveWithAnyArgs().DeliverAsync(default!, default!, default);
    }

    [Test, Hint("See Hint 4.2: ask the registry for every message: an entry that expired means offline, even if it was there before.")]
    public async Task Dispatch_after_the_entry_expired_reports_UserOffline()
    {
        var s = NewSetup();
        await s.Registry.RegisterAsync("alice", NodeB, TimeSpan.FromSeconds(30));
        s.Clock.Advance(TimeSpan.FromSeconds(30));
        (await s.Dispatcher.DispatchAsync(Message).WithDeadline()).ShouldBe(DispatchOutcome.UserOffline, "alice's entry expired (no heartbeat for a whole TTL): she is offline.");
    }

    [Test, Hint("See Hint 4.3: a node that answers false has no connection for the user: NotOnNode.")]
    public async Task Dispatch_to_a_node_without_the_user_reports_NotOnNode()
    {
        var s = NewSetup();
        await s.Registry.RegisterAsync("alice", NodeB, TimeSpan.FromSeconds(30));
        s.Nodes.DeliverAsync(default!, default!, default).ReturnsForAnyArgs(false);
        (await s.Dispatcher.DispatchAsync(Message).WithDeadline()).ShouldBe(DispatchOutcome.NotOnNode, "node B answered that it does not hold alice.");
    }

    [Test, Points(2), Hint("See Hint 4.3: catch the HttpRequestException of a dead node and answer NodeUnreachable; the message waits in the store.")]
    public async Task Dispatch_to_a_dead_node_reports_NodeUnreachable_without_throwing()
    {
        var s = NewSetup();
        await s.Registry.RegisterAsync("alice", NodeB, TimeSpan.FromSeconds(30));
        s.Nodes.DeliverAsync(default!, default!, default).ThrowsAsyncForAnyArgs(new HttpRequestException("Connection refused (127.0.0.1:40002)"));
        (await Outcome.ShouldSucceed(s.Dispatcher.DispatchAsync(Message), "A dead node is an outcome of dispatch, not an error of it."))
            .ShouldBe(DispatchOutcome.NodeUnreachable);
    }
}
