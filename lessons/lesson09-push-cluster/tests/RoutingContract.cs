namespace NetCourse.Lesson09.Tests;

/// <summary>Task 4: messages posted to collect find their users through dispatch, on both backends.</summary>
public abstract class RoutingContract(BackendKind backend)
{
    [Test, Points(3), Hint("See Hint 4.1: collect stores and hands the message to dispatch, which looks alice up and forwards it to her node.")]
    public async Task User_on_node_B_receives_a_message_posted_to_collect()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var alice = await s.ConnectAsync("alice", node: 1);
        var id = await s.PostAsync("alice", "hello from collect");
        await ClusterSetup.UntilReceivedAsync(alice, [id]);
        alice.Received.Single().Body.ShouldBe("hello from collect");
    }

    [Test, Points(3), Hint("See Hint 4.1: dispatch must look the user up for every message: after a reconnection the registry names the new node.")]
    public async Task User_who_reconnects_to_node_C_receives_later_messages_there()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var alice = await s.ConnectAsync("alice", node: 1);
        var first = await s.PostAsync("alice", "to B");
        await ClusterSetup.UntilReceivedAsync(alice, [first]);
        await alice.DisconnectAsync().WithDeadline();

        await s.ConnectAsync(alice, node: 2);
        var second = await s.PostAsync("alice", "to C");
        await ClusterSetup.UntilReceivedAsync(alice, [second]);
        alice.Node.ShouldBe(s.Node(2).Address, "alice is now connected to node-3.");
    }

    [Test, Points(2), Hint("See Hint 4.2: offline is an outcome: the message stays stored and goes out when alice connects (Task 3).")]
    public async Task Message_posted_while_the_user_is_offline_arrives_when_they_connect()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var id = await s.PostAsync("alice", "while you were away");
        var alice = await s.ConnectAsync("alice", node: 0);
        await ClusterSetup.UntilReceivedAsync(alice, [id]);
    }

    [Test, Points(2), Hint("See Hint 4.1: each message goes to its own user's node, and a node delivers only to that user's connection.")]
    public async Task Each_user_receives_their_own_messages_and_no_other()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var random = TestSeed.RandomForCurrentTest();
        var users = Enumerable.Range(1, 12).Select(i => $"user{i:00}").ToList();
        var clients = new List<PushClient>();
        foreach (var user in users) clients.Add(await s.ConnectAsync(user, node: random.Next(3)));

        var posted = users.ToDictionary(u => u, _ => new List<long>());
        for (var i = 0; i < 60; i++)
        {
            var user = users[random.Next(users.Count)];
            posted[user].Add(await s.PostAsync(user, $"message {i} for {user}"));
        }

        foreach (var client in clients) await ClusterSetup.UntilReceivedAsync(client, posted[client.UserId]);
        foreach (var client in clients)
            client.Received.Select(m => m.Id).Order().ShouldBe(posted[client.UserId].Order(), $"{client.UserId} must receive exactly the messages posted for {client.UserId}.");
    }
}

[Task(4)]
public class InMemoryRoutingTests() : RoutingContract(BackendKind.InMemory);

[Task(4)]
public class RedisRoutingTests() : RoutingContract(BackendKind.Redis);
