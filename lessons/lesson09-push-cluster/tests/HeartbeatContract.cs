using System.Net.WebSockets;

namespace NetCourse.Lesson09.Tests;

/// <summary>Task 5: entries live while their node heartbeats, and die with it.</summary>
public abstract class HeartbeatContract(BackendKind backend)
{
    [Test, Points(3), TimeLimit(20), Hint("See Hint 5.1: every HeartbeatInterval, RenewAsync(Address, the users connected here, RegistrationTtl).")]
    public async Task Registration_outlives_its_TTL_while_the_node_heartbeats()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        await s.ConnectAsync("alice", node: 1);
        await s.LetTimePassWithHeartbeatsAsync(s.Timing.RegistrationTtl * 2, "alice");
        (await s.LookupAsync("alice")).ShouldBe(s.Node(1).Address, "alice's node is alive and heartbeating: after two TTLs she must still be registered.");
    }

    [Test, Points(2), TimeLimit(20), Hint("See Hint 5.1: RegisterAsync with RegistrationTtl: a dead node cannot deregister its users, the TTL does it.")]
    public async Task Registrations_of_a_killed_node_expire_with_their_TTL()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        string[] users = ["alice", "bob"];
        foreach (var user in users) await s.ConnectAsync(user, node: 0);
        await s.Node(0).KillAsync().WithDeadline();
        (await s.LookupAsync("alice")).ShouldBe(s.Node(0).Address, "A killed node deregisters nobody: its entries stay until their TTL runs out.");
        await s.LetEntriesExpireAsync(users);
    }

    [Test, Points(2), TimeLimit(20), Hint("See Hint 5.2: RenewAsync returns the users whose entry names another node: close their connection here with WireProtocol.SessionMoved.")]
    public async Task Node_closes_the_connection_of_a_user_who_moved_at_its_next_heartbeat()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var old = await s.ConnectAsync("alice", node: 0);
        await s.ConnectAsync("alice", node: 1);
        await s.NextHeartbeatAsync();
        await old.Disconnected.WithDeadline(what: "node-1 closing alice's old connection at its next heartbeat");
        old.CloseStatus.ShouldBe(WireProtocol.SessionMoved, "The old node must close the connection with 4001 (SessionMoved), so the client knows to reconnect.");
    }
}

[Task(5)]
public class InMemoryHeartbeatTests() : HeartbeatContract(BackendKind.InMemory);

[Task(5)]
public class RedisHeartbeatTests() : HeartbeatContract(BackendKind.Redis);
