using System.Net;

namespace NetCourse.Lesson09.Tests;

/// <summary>Task 2: a push node's connections, registrations and deliveries, on both backends.</summary>
public abstract class NodeContract(BackendKind backend)
{
    [Test, Hint("See Hint 2.1: read the token from the access_token query parameter, verify it, accept the WebSocket, register, then send a WelcomeFrame.")]
    public async Task Node_welcomes_a_user_with_a_valid_token()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var alice = await s.ConnectAsync("alice", node: 1);
        alice.Node.ShouldBe(s.Node(1).Address, "The welcome frame must name the node the user is connected to (its Address).");
    }

    [Test, Points(2), Hint("See Hint 2.2: RegisterAsync(user, Address, RegistrationTtl) before sending the welcome.")]
    public async Task Connected_user_is_registered_to_its_node()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        await s.ConnectAsync("alice", node: 1);
        (await s.LookupAsync("alice")).ShouldBe(s.Node(1).Address, "Once welcomed, alice must be registered to node-2 (its Address).");
    }

    [Test, Points(2), Hint("See Hint 2.1: a token the verifier refuses gets HTTP 401 and no WebSocket: set the status code and return before accepting.")]
    public async Task Node_refuses_a_forged_token_with_401()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var forged = new TokenIssuer(TokenIssuer.NewKey(), s.Time).Issue("alice", TimeSpan.FromHours(1));
        var refused = await Should.ThrowAsync<PushRefusedException>(
            s.NewClient("alice").ConnectAsync(s.Node(0).Address, forged).WithDeadline(), "A token signed with another key must not open a connection.");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "A refused token is answered 401 Unauthorized.");
    }

    [Test, Hint("See Hint 2.1: the verifier reads the node's TimeProvider; an expired token gets 401 like a forged one.")]
    public async Task Node_refuses_an_expired_token_with_401()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        // Issued two hours ago for one hour.
        var twoHoursAgo = new ManualClock(s.Time.GetUtcNow().AddHours(-2));
        var expired = new TokenIssuer(ClusterSetup.SigningKey, twoHoursAgo).Issue("alice", TimeSpan.FromHours(1));
        var refused = await Should.ThrowAsync<PushRefusedException>(
            s.NewClient("alice").ConnectAsync(s.Node(0).Address, expired).WithDeadline(), "A token that expired an hour ago must not open a connection.");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "An expired token is answered 401 Unauthorized.");
    }

    [Test, Hint("See Hint 2.1: a request without access_token has no token to verify: 401.")]
    public async Task Node_refuses_a_connection_without_a_token_with_401()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var refused = await Should.ThrowAsync<PushRefusedException>(
            s.NewClient("alice").ConnectAsync(s.Node(0).Address, "").WithDeadline(), "A WebSocket request without a token must not open a connection.");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "A missing token is answered 401 Unauthorized.");
    }

    [Test, Hint("See Hint 2.1: context.WebSockets.IsWebSocketRequest is false for a plain GET: answer 400 Bad Request.")]
    public async Task Node_answers_a_plain_GET_without_upgrade_with_400()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var uri = new UriBuilder(PushClient.WebSocketUri(s.Node(0).Address, s.Cluster.IssueToken("alice"))) { Scheme = "http" }.Uri;
        using var response = await s.Cluster.Http.GetAsync(uri).WithDeadline();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "GET /ws without a WebSocket upgrade is a bad request.");
    }

    [Test, Points(2), Hint("See Hint 2.3: DeliverAsync finds the user's connection in the node's table and sends a MessageFrame.")]
    public async Task Node_delivers_a_message_to_its_connected_user()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var alice = await s.ConnectAsync("alice", node: 1);
        (await s.Node(1).Node.DeliverAsync(new PushMessage(41, "alice", "hello")).WithDeadline())
            .ShouldBeTrue("DeliverAsync must return true once the message is written to alice's connection.");
        await ClusterSetup.UntilReceivedAsync(alice, [41]);
        alice.Received.Single().Body.ShouldBe("hello", "The message frame carries the message's body.");
    }

    [Test, Hint("See Hint 2.3: a user with no connection on this node: DeliverAsync returns false (dispatch answers 404), it does not throw.")]
    public async Task Node_does_not_deliver_to_a_user_it_does_not_hold()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        await s.ConnectAsync("bob", node: 0);
        (await s.Node(1).Node.DeliverAsync(new PushMessage(41, "bob", "hello")).WithDeadline())
            .ShouldBeFalse("bob is connected to node-1, not node-2: node-2 must answer false.");
    }

    [Test, Hint("See Hint 2.4: keep a concurrent table user → connection; ConnectedUsers is its count, and a connection leaves it when it ends.")]
    public async Task Node_counts_its_connected_users()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var alice = await s.ConnectAsync("alice", node: 0);
        await s.ConnectAsync("bob", node: 0);
        await s.ConnectAsync("carol", node: 1);
        s.Node(0).Node.ConnectedUsers.ShouldBe(2, "node-1 holds alice and bob.");
        await alice.DisconnectAsync().WithDeadline();
        await Wait.UntilAsync(() => s.Node(0).Node.ConnectedUsers == 1, () => $"node-1 to count 1 user after alice left (it counts {s.Node(0).Node.ConnectedUsers})");
    }

    [Test, Points(2), Hint("See Hint 2.5: when the read loop ends (the client closed), deregister the user in a finally block.")]
    public async Task User_who_disconnects_is_deregistered()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var alice = await s.ConnectAsync("alice", node: 0);
        await alice.DisconnectAsync().WithDeadline();
        await s.UntilOfflineAsync(["alice"]);
    }

    [Test, Points(2), Hint("See Hint 2.2: the latest connection of a user wins: RegisterAsync replaces another node's entry.")]
    public async Task User_connecting_to_another_node_moves_the_registration_there()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        await s.ConnectAsync("alice", node: 0);
        await s.ConnectAsync("alice", node: 2);
        (await s.LookupAsync("alice")).ShouldBe(s.Node(2).Address, "alice connected to node-3 last: the registry must name node-3.");
    }

    [Test, Points(2), Hint("See Hint 2.5: deregister with UnregisterAsync(user, Address): it deletes the entry only while it still names this node.")]
    public async Task Closing_the_old_connection_keeps_the_new_registration()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var old = await s.ConnectAsync("alice", node: 0);
        await s.ConnectAsync("alice", node: 2);
        await old.DisconnectAsync().WithDeadline();
        await Wait.UntilAsync(() => s.Node(0).OpenWebSockets == 0, () => "node-1 to finish serving alice's old connection");
        (await s.LookupAsync("alice")).ShouldBe(s.Node(2).Address, "alice's old connection on node-1 ended, but she is on node-3 now: her entry must stay.");
    }

    [Test, TimeLimit(20), Hint("See Hint 2.6: close the connection a newer one replaced with WireProtocol.Replaced (4002), so the old tab knows why it lost its connection.")]
    public async Task First_connection_of_a_user_who_connects_twice_to_one_node_is_closed_with_Replaced()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var first = await s.ConnectAsync("alice", node: 0);
        await s.ConnectAsync("alice", node: 0);
        await first.Disconnected.WithDeadline(what: "node-1 closing alice's first connection once her second one took over");
        first.CloseStatus.ShouldBe(WireProtocol.Replaced, "A newer connection of alice on node-1 replaced the first: the node must close it with 4002 (Replaced).");
    }

    [Test, Points(2), Hint("See Hint 2.6: a second connection of a user on the same node replaces the first in the table; the first one's end must not remove the second.")]
    public async Task User_connecting_twice_to_one_node_gets_messages_on_the_newer_connection()
    {
        await using var s = await ClusterSetup.StartAsync(backend);
        var first = await s.ConnectAsync("alice", node: 0);
        var second = await s.ConnectAsync("alice", node: 0);
        await first.DisconnectAsync().WithDeadline();
        await Wait.UntilAsync(() => s.Node(0).OpenWebSockets == 1, () => "node-1 to finish serving alice's first connection");

        (await s.Node(0).Node.DeliverAsync(new PushMessage(7, "alice", "to the newer tab")).WithDeadline())
            .ShouldBeTrue("alice's newer connection is still open on node-1: the message must be delivered to it.");
        await ClusterSetup.UntilReceivedAsync(second, [7]);
        (await s.LookupAsync("alice")).ShouldBe(s.Node(0).Address, "alice is still connected to node-1: her entry must stay.");
    }
}

[Task(2)]
public class InMemoryNodeTests() : NodeContract(BackendKind.InMemory);

[Task(2)]
public class RedisNodeTests() : NodeContract(BackendKind.Redis);
