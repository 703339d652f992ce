namespace NetCourse.Lesson09.Tests;

/// <summary>Task 3: what waits in the store reaches its user, and leaves only on the user's ack.</summary>
public abstract class StoreAndForwardContract(BackendKind backend)
{
    private static async Task<List<long>> StoreAsync(ClusterSetup s, string userId, int count)
    {
        var ids = new List<long>();
        for (var i = 1; i <= count; i++) ids.Add((await s.Cluster.Store.AddAsync(userId, $"{userId} #{i}").WithDeadline()).Id);
        return ids;
    }

    [Test, Points(3), Hint("See Hint 3.3: after registering and welcoming, send every message IMessageStore.PendingAsync has for the user.")]
    public async Task Offline_user_receives_the_stored_messages_on_connecting()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var ids = await StoreAsync(s, "alice", 3);
        var alice = await s.ConnectAsync("alice", node: 1);
        await ClusterSetup.UntilReceivedAsync(alice, ids);
    }

    [Test, Points(2), Hint("See Hint 3.4: on an AckFrame, RemoveAsync(user, ack.Id) — the user of this connection, never one the client names.")]
    public async Task Acknowledged_message_leaves_the_store()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var ids = await StoreAsync(s, "alice", 2);
        var alice = await s.ConnectAsync("alice", node: 1);
        await ClusterSetup.UntilReceivedAsync(alice, ids);
        await Wait.UntilAsync(async () => (await s.PendingAsync("alice")).Count == 0, () => "the store to drop alice's two messages once she acknowledged them");
    }

    [Test, Points(3), Hint("See Hint 3.5: a message written to a socket is not delivered; remove it on the client's ack only.")]
    public async Task Stored_message_the_client_never_acknowledges_stays_in_the_store()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var ids = await StoreAsync(s, "alice", 2);
        var alice = await s.ConnectAsync("alice", node: 1, autoAck: false);
        await ClusterSetup.UntilReceivedAsync(alice, ids);
        (await s.PendingAsync("alice")).Select(m => m.Id).ShouldBe(ids, "alice received both messages but acknowledged neither: both must stay in the store.");
    }

    [Test, Points(3), Hint("See Hint 3.5: DeliverAsync only writes; nothing but the ack removes a message from the store.")]
    public async Task Delivered_message_the_client_never_acknowledges_stays_in_the_store()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var alice = await s.ConnectAsync("alice", node: 1, autoAck: false);
        var message = await s.Cluster.Store.AddAsync("alice", "live").WithDeadline();
        (await s.Node(1).Node.DeliverAsync(message).WithDeadline()).ShouldBeTrue("alice is connected to node-2.");
        await ClusterSetup.UntilReceivedAsync(alice, [message.Id]);
        (await s.PendingAsync("alice")).ShouldBe([message], "alice received the message but did not acknowledge it: it must stay in the store.");
    }

    [Test, Points(2), Hint("See Hint 3.5: unacknowledged messages are still stored, so the next connection sends them again; the client drops the copies.")]
    public async Task Unacknowledged_messages_come_again_on_the_next_connection()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var ids = await StoreAsync(s, "alice", 3);
        var alice = await s.ConnectAsync("alice", node: 0, autoAck: false);
        await ClusterSetup.UntilReceivedAsync(alice, ids);
        await alice.DisconnectAsync().WithDeadline();

        alice.AutoAck = true;
        await s.ConnectAsync(alice, node: 2);
        await Wait.UntilAsync(() => alice.DuplicatesDropped == ids.Count,
            () => $"node-3 to send alice's 3 unacknowledged messages again (the client dropped {alice.DuplicatesDropped} duplicate(s))");
        alice.Received.Count.ShouldBe(ids.Count, "The application sees each message once, however many times it was sent.");
    }

    [Test, Hint("See Hint 3.4: remove from the connection's own user's messages: an ack naming another user's message id must remove nothing.")]
    public async Task Ack_of_another_users_message_removes_nothing()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var bobs = await s.Cluster.Store.AddAsync("bob", "for bob only").WithDeadline();
        var alices = (await StoreAsync(s, "alice", 1)).Single();
        var alice = await s.ConnectAsync("alice", node: 0, autoAck: false);
        await ClusterSetup.UntilReceivedAsync(alice, [alices]);
        await alice.AckAsync(bobs.Id).WithDeadline();
        await alice.AckAsync(alices).WithDeadline();
        // Acks are handled in order: once alice's own is done, bob's was handled too.
        await Wait.UntilAsync(async () => (await s.PendingAsync("alice")).Count == 0, () => "node-1 to handle alice's acks");
        (await s.PendingAsync("bob")).ShouldBe([bobs], "alice acknowledged bob's message id: bob's message must stay in the store.");
    }
}

[Task(3)]
public class InMemoryStoreAndForwardTests() : StoreAndForwardContract(BackendKind.InMemory);

[Task(3)]
public class RedisStoreAndForwardTests() : StoreAndForwardContract(BackendKind.Redis);
