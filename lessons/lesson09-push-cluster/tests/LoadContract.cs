namespace NetCourse.Lesson09.Tests;

/// <summary>Task 5: the whole cluster under a crowd.</summary>
public abstract class LoadContract(BackendKind backend)
{
    private const int Users = 2_000;
    private const int Messages = 20_000;

    [Test, Points(5), TimeLimit(150), Hint("See Hint 5.4: under load every part runs concurrently: a concurrent table of connections, no lock held across an await, no message removed before its ack.")]
    public async Task Two_thousand_users_on_three_nodes_get_twenty_thousand_messages_exactly_once()
    {
        await using var s = await ClusterSetup.StartAsync(backend, nodes: 3);
        var random = TestSeed.RandomForCurrentTest();
        var traffic = new Traffic(s, [.. Enumerable.Range(1, Users).Select(i => $"user{i:0000}")], random, concurrency: 32);
        var clients = traffic.Users.Select(u => s.NewClient(u)).ToList();
        var nodeOf = clients.ToDictionary(c => c, _ => random.Next(s.Cluster.Nodes.Count));
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (client, _) => await s.ConnectAsync(client, nodeOf[client]))
            .WithDeadline(TimeSpan.FromSeconds(60), $"{Users:N0} users connecting");

        await traffic.PostAsync(Messages).WithDeadline(TimeSpan.FromSeconds(100), $"{Messages:N0} messages posted to collect");
        await Wait.UntilAsync(() => clients.Sum(c => c.ReceivedCount) >= Messages,
            () => $"all {Messages:N0} messages to arrive (arrived: {clients.Sum(c => c.ReceivedCount):N0})", TimeSpan.FromSeconds(30));

        foreach (var client in clients)
            client.Received.Select(m => m.Id).Order().ShouldBe(traffic.PostedFor(client.UserId).Order(),
                $"{client.UserId}'s application must have each message posted for it exactly once.");
        await Wait.UntilAsync(async () => (await Task.WhenAll(traffic.Users.Select(u => s.Cluster.Store.PendingAsync(u)))).All(p => p.Count == 0),
            () => "the store to empty once every message was acknowledged", TimeSpan.FromSeconds(20));
    }
}

[Task(5)]
public class InMemoryLoadTests() : LoadContract(BackendKind.InMemory);

[Task(5)]
public class RedisLoadTests() : LoadContract(BackendKind.Redis);
