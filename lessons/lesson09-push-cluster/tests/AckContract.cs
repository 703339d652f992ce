namespace NetCourse.Lesson09.Tests;

/// <summary>Task 3: an ack removes the one message it names, never the older ones (acks are not cumulative).</summary>
public abstract class AckContract(BackendKind backend)
{
    [Test, Points(2), Hint("See Hint 3.4: RemoveAsync(user, ack.Id) removes that one message; messages may arrive out of order, so an ack of a later one says nothing about the earlier ones.")]
    public async Task Ack_of_the_newest_message_leaves_the_older_ones_in_the_store()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var ids = new List<long>();
        for (var i = 1; i <= 3; i++) ids.Add((await s.Cluster.Store.AddAsync("alice", $"alice #{i}").WithDeadline()).Id);
        var alice = await s.ConnectAsync("alice", node: 0, autoAck: false);
        await ClusterSetup.UntilReceivedAsync(alice, ids);

        await alice.AckAsync(ids[^1]).WithDeadline();
        await Wait.UntilAsync(async () => !(await s.PendingAsync("alice")).Any(m => m.Id == ids[^1]), () => "node-1 to remove the acknowledged message");
        (await s.PendingAsync("alice")).Select(m => m.Id).ShouldBe(ids[..^1],
            "alice acknowledged only her newest message: the two older ones were not acknowledged and must stay in the store.");
    }
}

[Task(3)]
public class InMemoryAckTests() : AckContract(BackendKind.InMemory);

[Task(3)]
public class RedisAckTests() : AckContract(BackendKind.Redis);
