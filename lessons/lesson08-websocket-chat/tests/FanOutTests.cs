namespace NetCourse.Lesson08.Tests;

[Task(4)]
public class FanOutTests
{
    private const int BigText = 32 * 1024;

    [Test, Points(3), TimeLimit(90), Hint("See Hints 4.1 and 4.2: one queue per client, written in the order the room publishes; one sender's messages are published in the order they arrive.")]
    public async Task Two_hundred_members_all_receive_every_message_in_order()
    {
        const int members = 200, senders = 3, perSender = 20;
        await using var s = await ChatSetup.StartAsync();
        await using var crowd = await Crowd.JoinAsync(s, "crowd", members);

        await Task.WhenAll(crowd.Members.Take(senders).Select(async sender =>
        {
            for (var i = 1; i <= perSender; i++) await sender.SayAsync($"{sender.Nick} says {i}");
        })).WithDeadline(TimeSpan.FromSeconds(20), "the senders' messages being sent");

        var wrong = new List<string>();
        await Task.WhenAll(crowd.Members.Select(async member =>
        {
            var received = await member.MessagesAsync(senders * perSender, TimeSpan.FromSeconds(45));
            foreach (var sender in crowd.Members.Take(senders))
            {
                var texts = received.Where(m => m.Nick == sender.Nick).Select(m => m.Text ?? "").ToList();
                var expected = Enumerable.Range(1, perSender).Select(i => $"{sender.Nick} says {i}").ToList();
                if (!texts.SequenceEqual(expected))
                    lock (wrong) wrong.Add($"{member.Nick} got {sender.Nick}'s messages as [{string.Join(", ", texts.Select(t => t[(t.LastIndexOf(' ') + 1)..]))}]");
            }
        }));
        wrong.ShouldBeEmpty("Every member must receive every sender's messages, each sender's in the order sent.");
    }

    [Test, Points(3), TimeLimit(60), Hint("See Hint 4.3: publishing only offers each message to each client's bounded queue (TryWrite); it never waits for a client's socket.")]
    public async Task A_client_that_never_reads_does_not_delay_the_others()
    {
        await using var s = await StartForBigMessagesAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await using var bob = await s.JoinAsync("lobby", "bob");
        await using var slow = await s.JoinRawAsync("lobby", "slow", receiveBufferSize: 4096);
        await ann.NextAsync("slow's join notice");
        await bob.NextAsync("slow's join notice");

        var (sent, dropped) = await StreamUntilDroppedAsync(ann, bob);
        dropped.ShouldBeTrue($"After {sent} messages of {BigText / 1024} KB, the client that never reads should have filled its queue and been dropped.");
        // bob received every message, each within the standard deadline: slow never held the room up.
    }

    [Test, Points(2), TimeLimit(60), Hint("See Hint 4.4: a full queue means the client is not keeping up: abort its connection; its session then leaves the room like any other.")]
    public async Task A_client_that_never_reads_is_dropped_and_announced_as_left()
    {
        await using var s = await StartForBigMessagesAsync();
        await using var ann = await s.JoinAsync("lobby", "ann");
        await using var bob = await s.JoinAsync("lobby", "bob");
        await using var slow = await s.JoinRawAsync("lobby", "slow", receiveBufferSize: 4096);
        await bob.NextAsync("slow's join notice");

        await StreamUntilDroppedAsync(ann, bob);
        await Wait.UntilAsync(() => s.Server.ConnectedClients == 2, what: "ConnectedClients going back to 2 after slow was dropped");
        (await slow.ClosedByServerAsync()).ShouldBeTrue("The server must close the connection of a client it dropped.");
        await bob.SayAsync("after the drop");
        (await bob.NextWhereAsync(e => e.Text == "after the drop", "bob's message after the drop")).Nick.ShouldBe("bob");
    }

    [Test, Points(3), TimeLimit(90), Hint("See Hint 4.5: add the newcomer and queue its join notice in the same locked step as every delivery; never walk the member list without the room's lock.")]
    public async Task Members_joining_during_a_stream_of_messages_get_every_message_after_their_join_notice()
    {
        const int sinks = 100, newcomers = 20, visitors = 10, visits = 20, window = 200;
        await using var s = await ChatSetup.StartAsync();
        await using var ann = await s.JoinAsync("stream", "ann");
        // Many members make every delivery a long walk through the member list.
        await using var crowd = await Crowd.JoinSinksAsync(s, "stream", sinks);

        // Visitors join and leave again and again: the member list changes all through the stream.
        var visiting = Task.WhenAll(Enumerable.Range(0, visitors).Select(v => Task.Run(async () =>
        {
            for (var visit = 0; visit < visits; visit++)
            {
                await using var visitor = await s.JoinAsync("stream", $"visitor-{v}", TimeSpan.FromSeconds(30));
                await visitor.CloseAsync();
            }
        })));
        var joining = Task.WhenAll(Enumerable.Range(0, newcomers).Select(j => s.JoinAsync("stream", $"late-{j}", TimeSpan.FromSeconds(30))));
        // ann streams until the visits are over, never more than a window ahead of her own echoes
        // (fewer than a queue holds: however far the server falls behind, nobody is dropped). She
        // notes how many of her messages she had seen when each newcomer's join notice came.
        var seenBeforeJoin = new Dictionary<string, long>();
        var streaming = Task.Run(async () =>
        {
            long sent = 0, echoed = 0;
            while (!visiting.IsCompleted || sent < window)
            {
                if (sent - echoed < window) await ann.SayAsync($"m{++sent}");
                else Note(await ann.NextAsync($"ann's own message {echoed + 1} (while members kept joining and leaving)", TimeSpan.FromSeconds(30)));
            }
            while (echoed < sent || seenBeforeJoin.Count < newcomers)
                Note(await ann.NextAsync($"ann's own message {echoed + 1} (while members kept joining and leaving)", TimeSpan.FromSeconds(30)));
            return sent;

            void Note(ChatEvent e)
            {
                if (e.Type == ChatEventTypes.Message)
                {
                    e.Seq.ShouldBe(echoed + 1, "ann must get her own messages back in order, none missing.");
                    echoed = e.Seq!.Value;
                }
                else if (e.Type == ChatEventTypes.Joined && e.Nick!.StartsWith("late-")) seenBeforeJoin[e.Nick] = echoed;
            }
        });
        try
        {
            var joined = await joining.WithDeadline(TimeSpan.FromSeconds(40), "the newcomers joining during the stream");
            await visiting.WithDeadline(TimeSpan.FromSeconds(60), "the visitors' comings and goings");
            var messages = (int)await streaming.WithDeadline(TimeSpan.FromSeconds(40), "ann's stream ending");

            foreach (var late in joined)
            {
                var k = (int)seenBeforeJoin[late.Nick];
                var got = k == messages ? [] : (await late.MessagesAsync(messages - k, TimeSpan.FromSeconds(30))).Select(m => m.Seq!.Value).ToList();
                got.SequenceEqual(Enumerable.Range(k + 1, messages - k).Select(i => (long)i)).ShouldBeTrue(
                    $"ann saw {late.Nick} join after her message {k}: {late.Nick} must then get exactly her messages {k + 1} to {messages}, " +
                    $"in order, none lost; it got {got.Count}{(got.Count > 0 ? $", from {got[0]} to {got[^1]}" : "")}.");
            }
        }
        finally
        {
            await Task.WhenAll(streaming, joining, visiting).ContinueWith(_ => { }).WithDeadline(TimeSpan.FromSeconds(60), "the stream, joins and visits ending");
            foreach (var late in joining.IsCompletedSuccessfully ? joining.Result : []) await late.DisposeAsync();
        }
    }

    [Test, Points(1), TimeLimit(60), Hint("See Hint 4.4: a join notice is offered like a message; whichever offer finds a client's queue full drops that client, then and there.")]
    public async Task A_client_whose_queue_a_join_notice_fills_is_dropped_at_once()
    {
        await using var s = await StartForStuckSendsAsync();
        await using var bob = await s.JoinAsync("lobby", "bob");
        await using var slow = await s.JoinRawAsync("lobby", "slow", receiveBufferSize: 4096);
        await bob.NextAsync("slow's join notice");
        await StickSendLoopsAsync(bob);

        // From now on only join notices reach slow's queue: the last of them finds it full.
        var newcomers = new List<ChatClient>();
        try
        {
            for (var i = 0; i <= StuckQueue; i++)
            {
                newcomers.Add(await s.JoinAsync("lobby", $"late-{i}"));
                await bob.NextWhereAsync(e => e == ChatEvent.Joined("lobby", $"late-{i}"), $"late-{i}'s join notice");
            }
            await bob.NextWhereAsync(e => e == ChatEvent.Left("lobby", "slow"), "slow's left notice: a join notice found its queue full", TimeSpan.FromSeconds(10));
            (await slow.ClosedByServerAsync()).ShouldBeTrue("The server must close the connection of a client it dropped.");
        }
        finally
        {
            foreach (var newcomer in newcomers) await newcomer.DisposeAsync();
        }
    }

    [Test, Points(1), TimeLimit(60), Hint("See Hint 4.4: a left notice is offered like a message; whichever offer finds a client's queue full drops that client, then and there.")]
    public async Task A_client_whose_queue_a_left_notice_fills_is_dropped_at_once()
    {
        await using var s = await StartForStuckSendsAsync();
        await using var bob = await s.JoinAsync("lobby", "bob");
        // They join before slow, so only their left notices reach slow's queue.
        var leaving = new List<ChatClient>();
        try
        {
            for (var i = 0; i <= StuckQueue; i++) leaving.Add(await s.JoinAsync("lobby", $"early-{i}"));
            await using var slow = await s.JoinRawAsync("lobby", "slow", receiveBufferSize: 4096);
            await bob.NextWhereAsync(e => e == ChatEvent.Joined("lobby", "slow"), "slow's join notice");
            await StickSendLoopsAsync(bob);

            foreach (var member in leaving)
            {
                await member.CloseAsync();
                await bob.NextWhereAsync(e => e == ChatEvent.Left("lobby", member.Nick), $"{member.Nick}'s left notice");
            }
            await bob.NextWhereAsync(e => e == ChatEvent.Left("lobby", "slow"), "slow's left notice: a left notice found its queue full", TimeSpan.FromSeconds(10));
            (await slow.ClosedByServerAsync()).ShouldBeTrue("The server must close the connection of a client it dropped.");
        }
        finally
        {
            foreach (var member in leaving) await member.DisposeAsync();
        }
    }

    [Test, Points(1), TimeLimit(60), Hint("See Hint 4.4: an error for a client's own bad post is offered like a message; when it finds the client's queue full, that client is dropped.")]
    public async Task A_client_whose_queue_its_own_error_replies_fill_is_dropped()
    {
        await using var s = await StartForStuckSendsAsync();
        await using var bob = await s.JoinAsync("lobby", "bob");
        await using var slow = await s.JoinRawAsync("lobby", "slow", receiveBufferSize: 4096);
        await bob.NextAsync("slow's join notice");
        await StickSendLoopsAsync(bob);

        // From now on only the errors for its own bad posts reach slow's queue: the last finds it full.
        for (var i = 0; i <= StuckQueue; i++) await slow.SendFrameAsync(RawWebSocket.Text, "not a post"u8.ToArray());
        await bob.NextWhereAsync(e => e == ChatEvent.Left("lobby", "slow"), "slow's left notice: an error reply found its queue full", TimeSpan.FromSeconds(10));
        (await slow.ClosedByServerAsync()).ShouldBeTrue("The server must close the connection of a client it dropped.");
    }

    // One message larger than every buffer between the server and a client that never reads
    // (the kernel's, a few MB on loopback; Kestrel's): the send loop of such a client is stuck
    // inside it, and from then on each offer takes one place of its queue.
    // The queue is small, so a few notices fill it, and large enough that a healthy reader never
    // falls that far behind notices that come one handshake apart.
    private const int StuckQueue = 8, HugeLimit = 8 * 1024 * 1024, HugeText = HugeLimit - 1024;

    private static Task<ChatSetup> StartForStuckSendsAsync() =>
        ChatSetup.StartAsync(o => o with { MaxMessageBytes = HugeLimit, SendQueueCapacity = StuckQueue });

    // sender posts one huge message and waits for it to come back: every member that reads has it,
    // every member that does not has its send loop stuck in it, with at most that message queued.
    private static async Task StickSendLoopsAsync(ChatClient sender)
    {
        await sender.SayAsync(new string('x', HugeText));
        (await sender.NextWhereAsync(e => e.Type == ChatEventTypes.Message, "its own huge message back", TimeSpan.FromSeconds(20)))
            .Text!.Length.ShouldBe(HugeText);
    }

    // Big messages fill the kernel's buffers (a few MB on loopback) in a few hundred sends. The
    // queue is small enough to fill soon after, and large enough that a healthy reader stalled
    // for a moment by a busy machine (ann, bob) is never taken for a slow one.
    private static Task<ChatSetup> StartForBigMessagesAsync() =>
        ChatSetup.StartAsync(o => o with { MaxMessageBytes = 64 * 1024, SendQueueCapacity = 64 });

    // ann sends big messages one at a time, each one awaited at bob, until bob hears that slow
    // was dropped (or 1,000 messages: far more than loopback buffers hold).
    private static async Task<(int Sent, bool Dropped)> StreamUntilDroppedAsync(ChatClient ann, ChatClient bob)
    {
        var text = new string('x', BigText - 100);
        for (var i = 1; i <= 1_000; i++)
        {
            await ann.SayAsync($"{i} {text}");
            while (true)
            {
                var e = await bob.NextAsync($"ann's message {i} (a client that never reads must not hold up the others)");
                if (e == ChatEvent.Left("lobby", "slow")) return (i, true);
                if (e.Type == ChatEventTypes.Message)
                {
                    e.Seq.ShouldBe(i, "bob must receive ann's messages in order, none missing.");
                    break;
                }
            }
        }
        return (1_000, false);
    }
}
