namespace NetCourse.Lesson08.Tests;

[Task(3)]
public class RoomTests
{
    [Test, Hint("See Hint 3.1: Kestrel listens on ChatServerOptions.EndPoint (127.0.0.1, port 0); read the bound address back from IServerAddressesFeature.")]
    public async Task StartAsync_listens_on_loopback_on_a_port_the_system_chose()
    {
        await using var s = await ChatSetup.StartAsync();
        s.Address.Host.ShouldBe("127.0.0.1");
        s.Address.Port.ShouldNotBe(0, "StartAsync must return the real port Kestrel bound, not the 0 it was asked for.");
        s.Server.Address.ShouldBe(s.Address);
    }

    [Test, Hint("See Hint 3.1: a second StartAsync would build a second web application; refuse it.")]
    public async Task StartAsync_on_a_started_server_throws_InvalidOperationException()
    {
        await using var s = await ChatSetup.StartAsync();
        await Should.ThrowAsync<InvalidOperationException>(async () => await s.Server.StartAsync());
    }

    [Test, Hint("See Hint 3.1: map GET / to ChatPage.Html with the content type ChatPage.ContentType.")]
    public async Task The_server_serves_the_chat_page_at_its_root()
    {
        await using var s = await ChatSetup.StartAsync();
        using var http = new HttpClient();
        using var response = await http.GetAsync(s.Address).WithDeadline();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (response.Content.Headers.ContentType?.MediaType).ShouldBe("text/html", "The page must be served as text/html (ChatPage.ContentType).");
        (await response.Content.ReadAsStringAsync()).ShouldBe(ChatPage.Html);
    }

    [Test, Points(2), Hint("See Hint 3.3: on joining, the room tells every member, the newcomer first of all: its own join notice is its welcome.")]
    public async Task A_newcomer_gets_its_own_join_notice_first()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.ConnectAsync("lobby", "ann");
        (await ann.NextAsync("the join notice")).ShouldBe(ChatEvent.Joined("lobby", "ann"));
    }

    [Test, Hint("See Hint 3.3: a join notice goes to every member of the room.")]
    public async Task Members_are_told_when_someone_joins()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await using var bob = await s.JoinAsync("lobby", "bob");
        (await ann.NextAsync("bob's join notice")).ShouldBe(ChatEvent.Joined("lobby", "bob"));
    }

    [Test, Points(2), Hint("See Hint 3.4: a post {\"text\":…} becomes a message event with the sender's room and nick, sent to every member, the sender too.")]
    public async Task A_message_reaches_every_member_the_sender_included()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await using var bob = await s.JoinAsync("lobby", "bob");
        await ann.NextAsync("bob's join notice");

        await ann.SayAsync("hello, bob");
        var expected = ChatEvent.Message("lobby", "ann", "hello, bob", 1);
        (await bob.NextAsync("ann's message")).ShouldBe(expected);
        (await ann.NextAsync("ann's own message back")).ShouldBe(expected, "The sender receives its own message too: that is how it knows the room has it.");
    }

    [Test, Hint("See Hint 3.4: seq counts one sender's messages on its connection: 1, 2, 3…")]
    public async Task Each_sender_numbers_its_messages_from_1()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await using var bob = await s.JoinAsync("lobby", "bob");
        await ann.NextAsync("bob's join notice");

        foreach (var text in new[] { "one", "two", "three" }) await ann.SayAsync(text);
        await bob.SayAsync("mine");
        // Between two senders the order is the room's choice; each sender's own order is not.
        var seen = await bob.MessagesAsync(4);
        seen.Where(m => m.Nick == "ann").Select(m => (m.Text, m.Seq)).ShouldBe([("one", 1L), ("two", 2L), ("three", 3L)]);
        seen.Single(m => m.Nick == "bob").Seq.ShouldBe(1, "Each sender has its own numbering, starting at 1.");
    }

    [Test, Hint("See Hint 3.2: one room per name; a message goes to its sender's room only.")]
    public async Task Messages_stay_in_their_room()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("red", "ann");
        await using var bob = await s.JoinAsync("blue", "bob");
        await ann.SayAsync("for red only");
        await bob.SayAsync("for blue only");
        (await ann.NextAsync("ann's own message")).Text.ShouldBe("for red only");
        (await bob.NextAsync("bob's own message")).Text.ShouldBe("for blue only",
            "bob is in another room: nothing of ann's (neither her message nor her join) may reach him.");
    }

    [Test, Points(2), Hint("See Hint 3.5: when a member's connection ends, it leaves its room and the others get a left notice.")]
    public async Task Members_are_told_when_someone_leaves()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await using var bob = await s.JoinAsync("lobby", "bob");
        await ann.NextAsync("bob's join notice");
        await bob.CloseAsync();
        (await ann.NextAsync("bob's left notice")).ShouldBe(ChatEvent.Left("lobby", "bob"));
    }

    [Test, Hint("See Hint 3.5: a connection that breaks (no close frame) is a departure too: leave the room in a finally.")]
    public async Task A_member_that_vanishes_is_announced_as_left()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await using var bob = await s.JoinAsync("lobby", "bob");
        await ann.NextAsync("bob's join notice");
        bob.Abort();
        (await ann.NextAsync("bob's left notice after his connection broke")).ShouldBe(ChatEvent.Left("lobby", "bob"));
    }

    [Test, Hint("See Hint 3.5: count members as they join and leave, every room together.")]
    public async Task ConnectedClients_counts_the_members_of_every_room()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("red", "ann");
        await using var bob = await s.JoinAsync("blue", "bob");
        s.Server.ConnectedClients.ShouldBe(2);
        await bob.CloseAsync();
        await Wait.UntilAsync(() => s.Server.ConnectedClients == 1, what: "ConnectedClients going back to 1 after bob left");
    }

    [TestCase("/chat?room=lobby", TestName = "{m}(no nick)")]
    [TestCase("/chat?nick=ann", TestName = "{m}(no room)")]
    [TestCase("/chat?room=lobby&nick=", TestName = "{m}(empty nick)")]
    [TestCase("/chat?room=lobby&nick=a%20b", TestName = "{m}(nick with a space)")]
    [TestCase("/chat?room=lobby&nick=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", TestName = "{m}(nick of 33 characters)")]
    [Hint("See Hint 3.2: check room and nick with ChatNames.IsValid before accepting the WebSocket, and answer 400.")]
    public async Task A_handshake_without_a_valid_room_or_nick_is_refused_with_400(string target)
    {
        await using var s = await ChatSetup.StartAsync();
        var (client, head) = await RawWebSocket.SendHandshakeAsync(s.Address, Requests.ForServer(s.Address, target));
        await using (client)
            RawWebSocket.StatusOf(head).ShouldBe(400, $"GET {target} must be refused before the upgrade.");
    }

    [Test, Hint("See Hint 3.6: a text that is not a chat post gets an error event, to its sender only; the connection stays open.")]
    public async Task A_text_that_is_not_a_chat_post_gets_an_error_and_the_connection_stays()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await ann.SendAsync("not json"u8.ToArray());
        var error = await ann.NextAsync("an error event");
        error.Type.ShouldBe(ChatEventTypes.Error);
        error.Text.ShouldNotBeNullOrWhiteSpace("The error event must tell the person what is wrong with the post.");
        await ann.SayAsync("still here");
        (await ann.NextAsync("ann's message after the error")).Text.ShouldBe("still here", "A bad post is the client's mistake, not a reason to close.");
    }

    [Test, Hint("See Hint 3.2: put every request to /chat through your Validate first; a GET that asks for no upgrade is a 400.")]
    public async Task A_plain_GET_of_the_chat_path_is_refused_with_400()
    {
        await using var s = await ChatSetup.StartAsync();
        using var http = new HttpClient();
        using var response = await http.GetAsync(ChatNames.ChatUri(s.Address, "lobby", "ann").ToString().Replace("ws://", "http://")).WithDeadline();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test, Hint("See Hint 3.2: the server answers with your Validate's status and header fields when it refuses.")]
    public async Task The_server_answers_another_version_with_426_and_Sec_WebSocket_Version_13()
    {
        await using var s = await ChatSetup.StartAsync();
        var target = ChatNames.ChatUri(s.Address, "lobby", "ann").PathAndQuery;
        var (client, head) = await RawWebSocket.SendHandshakeAsync(s.Address, Requests.ForServer(s.Address, target, version: "8"));
        await using (client)
        {
            RawWebSocket.StatusOf(head).ShouldBe(426);
            head.ShouldContain("\r\nSec-WebSocket-Version: 13\r\n", Case.Insensitive);
        }
    }
}
