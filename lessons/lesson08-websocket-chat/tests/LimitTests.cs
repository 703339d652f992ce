namespace NetCourse.Lesson08.Tests;

[Task(5)]
public class LimitTests
{
    private const string Origin = "http://chat.example";

    // {"text":"xx…x"} of exactly `bytes` bytes.
    private static byte[] PostOfSize(int bytes) => ChatJson.Serialize(new ChatPost(new string('x', bytes - """{"text":""}""".Length)));

    [Test, Hint("See Hint 5.1: the limit is inclusive: a message of exactly MaxMessageBytes is fine.")]
    public async Task A_message_of_exactly_MaxMessageBytes_is_delivered()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await ann.SendAsync(PostOfSize(ChatSetup.MaxMessageBytes));
        (await ann.NextAsync("ann's message of exactly the limit")).Text!.Length.ShouldBe(ChatSetup.MaxMessageBytes - 11);
    }

    [Test, Points(2), Hint("See Hint 5.1: one byte over MaxMessageBytes: close with 1009 (MessageTooBig), and the message goes nowhere.")]
    public async Task A_message_over_MaxMessageBytes_closes_the_connection_with_1009()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var bob = await s.JoinAsync("lobby", "bob");
        await using var ann = await s.JoinAsync("lobby", "ann");
        await bob.NextAsync("ann's join notice");
        await ann.SendAsync(PostOfSize(ChatSetup.MaxMessageBytes + 1));
        (await ann.ClosedByServerAsync("a message over the limit")).ShouldBe(WebSocketCloseStatus.MessageTooBig);
        (await bob.NextAsync("ann's left notice")).ShouldBe(ChatEvent.Left("lobby", "ann"), "A message over the limit must not reach the room.");
    }

    [Test, Points(2), Hint("See Hint 5.2: count the bytes while a message's frames arrive; decide when the count passes the limit, not at the end of the message.")]
    public async Task A_message_over_the_limit_in_fragments_is_refused_before_it_ends()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        var fragment = new byte[ChatSetup.MaxMessageBytes / 2];
        Array.Fill(fragment, (byte)'x');
        // Three fragments of a message that never ends: the server must not wait for its end.
        for (var i = 0; i < 3; i++) await ann.SendAsync(fragment, endOfMessage: false);
        (await ann.ClosedByServerAsync("1.5 times the limit arrived in fragments, and the message has not ended"))
            .ShouldBe(WebSocketCloseStatus.MessageTooBig);
    }

    [Test, Points(2), Hint("See Hint 5.3: the WebSocket answers invalid UTF-8 with close 1007 itself, then ReceiveAsync throws: leave the room, and return without disposing that WebSocket (disposing it cuts the connection before its 1007 leaves).")]
    public async Task Invalid_UTF8_closes_the_connection_with_1007_and_the_sender_leaves()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var bob = await s.JoinAsync("lobby", "bob");
        await using var ann = await s.JoinAsync("lobby", "ann");
        await bob.NextAsync("ann's join notice");
        byte[] invalid = [.. """{"text":"caf"""u8, 0xC3, 0x28, .. "\"}"u8];
        await ann.SendAsync(invalid);
        (await ann.ClosedByServerAsync("a text message that is not UTF-8")).ShouldBe(WebSocketCloseStatus.InvalidPayloadData, ann.HowItEnded);
        (await bob.NextAsync("ann's left notice")).ShouldBe(ChatEvent.Left("lobby", "ann"));
    }

    [Test, Hint("See Hint 5.4: chat messages are text; a binary message gets close 1003 (InvalidMessageType).")]
    public async Task A_binary_message_closes_the_connection_with_1003()
    {
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await ann.SendAsync(ChatJson.Serialize(new ChatPost("hi")), WebSocketMessageType.Binary);
        (await ann.ClosedByServerAsync("a binary message")).ShouldBe(WebSocketCloseStatus.InvalidMessageType);
    }

    [Test, Points(2), Hint("See Hint 5.5: pass ChatServerOptions.AllowedOrigins to your Validate; a 403 is written before any upgrade.")]
    public async Task A_page_from_a_foreign_origin_is_refused_with_403()
    {
        await using var s = await ChatSetup.StartAsync(o => o with { AllowedOrigins = [Origin] });
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://evil.example");
        socket.Options.CollectHttpResponseDetails = true;
        using var deadline = Deadline.Start();
        await Should.ThrowAsync<WebSocketException>(() => socket.ConnectAsync(ChatNames.ChatUri(s.Address, "lobby", "mallory"), deadline.Token));
        socket.HttpStatusCode.ShouldBe(HttpStatusCode.Forbidden, "A page from an origin that is not allowed must be refused with 403.");
    }

    [Test, Hint("See Hint 5.5: an allowed origin connects as usual.")]
    public async Task A_page_from_an_allowed_origin_joins()
    {
        await using var s = await ChatSetup.StartAsync(o => o with { AllowedOrigins = [Origin] });
        await using var ann = await s.ConnectAsync("lobby", "ann", options => options.SetRequestHeader("Origin", Origin));
        (await ann.NextAsync("ann's join notice")).ShouldBe(ChatEvent.Joined("lobby", "ann"));
    }
}
