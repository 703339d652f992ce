namespace NetCourse.Lesson09.Tests;

/// <summary>Task 5: a node dies in the middle of the traffic, and no message is lost.</summary>
public abstract class NodeFailureContract(BackendKind backend)
{
    [Test, Points(5), TimeLimit(60), Hint("See Hints 5.1 and 3.5: the dead node's entries expire by TTL, messages wait in the store, and the reconnected clients get them all (the ones they had not acknowledged twice).")]
    public async Task Node_killed_mid_stream_loses_no_message_and_the_clients_drop_the_copies()
    {
        await using var s = await ClusterSetup.StartAsync(backend, nodes: 2);
        var traffic = new Traffic(s, [.. Enumerable.Range(1, 20).Select(i => $"user{i:00}")], TestSeed.RandomForCurrentTest());
        // Half the clients never acknowledge on the doomed node: theirs are the acks a crash loses.
        var clients = new List<PushClient>();
        for (var i = 0; i < traffic.Users.Count; i++) clients.Add(await s.ConnectAsync(traffic.Users[i], node: 0, autoAck: i % 2 == 0));

        await traffic.PostAsync(100);
        foreach (var client in clients) await ClusterSetup.UntilReceivedAsync(client, traffic.PostedFor(client.UserId));

        // The crash, with messages still coming: some reach the node as it dies, some find it dead.
        var during = traffic.PostAsync(100);
        await Wait.UntilAsync(() => traffic.Posted >= 130, () => $"30 more messages to be posted (posted: {traffic.Posted})");
        await s.Node(0).KillAsync().WithDeadline();
        await during.WithDeadline(TimeSpan.FromSeconds(30));

        // Its entries expire; from then on dispatch finds the users offline and the store keeps their messages.
        await s.LetEntriesExpireAsync(traffic.Users);
        await traffic.PostAsync(50);

        // Everyone reconnects to the surviving node, acknowledging from now on.
        foreach (var client in clients)
        {
            client.AutoAck = true;
            await s.ConnectAsync(client, node: 1);
        }
        foreach (var client in clients) await ClusterSetup.UntilReceivedAsync(client, traffic.PostedFor(client.UserId), TimeSpan.FromSeconds(15));

        foreach (var client in clients)
            client.Received.Select(m => m.Id).Order().ShouldBe(traffic.PostedFor(client.UserId).Order(),
                $"{client.UserId}'s application must have each message posted for it exactly once: none lost, no copy let through.");
        clients.Where(c => c.DuplicatesDropped > 0).ShouldNotBeEmpty(
            "The clients that had not acknowledged before the crash must have been sent those messages again (and dropped the copies).");
        await Wait.UntilAsync(async () => (await Task.WhenAll(traffic.Users.Select(u => s.Cluster.Store.PendingAsync(u)))).All(p => p.Count == 0),
            () => "the store to empty once every message was acknowledged", TimeSpan.FromSeconds(10));
    }
}

[Task(5)]
public class InMemoryNodeFailureTests() : NodeFailureContract(BackendKind.InMemory);

[Task(5)]
public class RedisNodeFailureTests() : NodeFailureContract(BackendKind.Redis);
