namespace NetCourse.Lesson02.Tests;

[Task(4)]
public class RetryTests
{
    [Test, Points(2), Hint("See Hint 4.1: wait for a reply with a timeout on the TimeProvider (new CancellationTokenSource(timeout, time)); when it expires, send the request again.")]
    public async Task Request_is_sent_again_after_a_timeout()
    {
        using var fake = new FakeServer();
        var payload = Payloads.Labelled(TestSeed.RandomForCurrentTest(), "again");
        var call = fake.Client.EchoAsync(payload);
        await fake.NextRequestAsync("the first attempt");
        fake.TimeOut();
        var retry = await fake.NextRequestAsync("the second attempt, after the first timed out");
        retry.Payload.ShouldBe(payload, "The retry carries the same payload.");
        await fake.ReplyAsync(retry);
        var reply = await call.WithDeadline();
        reply.Payload.ShouldBe(payload);
        reply.Attempts.ShouldBe(2);
    }

    [Test, Hint("See Hint 4.2: a reply to ANY attempt of the request in flight answers it; measure its round trip from that attempt.")]
    public async Task Late_reply_to_the_first_attempt_completes_the_call_with_its_round_trip()
    {
        using var fake = new FakeServer();
        var call = fake.Client.EchoAsync(new byte[] { 7 });
        var first = await fake.NextRequestAsync("the first attempt");
        fake.TimeOut();
        await fake.NextRequestAsync("the second attempt");
        await fake.ReplyAsync(first);
        var reply = await call.WithDeadline();
        reply.RoundTrip.ShouldBe(FakeServer.Options.Timeout, "The reply answered the first attempt, sent one timeout ago.");
        reply.Attempts.ShouldBe(2);
    }

    [Test, Points(3), Hint("See Hint 4.3: after MaxAttempts timeouts, throw EchoTimeoutException; send exactly MaxAttempts requests, no more, no fewer.")]
    public async Task Total_loss_gives_a_timeout_error_after_exactly_the_budgeted_attempts()
    {
        await using var server = RunningServer.Start();
        await using var proxy = await UdpFaultProxy.StartAsync(server.EndPoint, f => f.ClientToServer.Drop(1.0));
        var clock = new ManualClock();
        var options = new EchoClientOptions(TimeSpan.FromSeconds(2), MaxAttempts: 4);
        using var client = new UdpEchoClient(proxy.EndPoint, options, clock);

        var call = client.EchoAsync(new byte[] { 1, 2, 3 });
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            await Wait.UntilAsync(() => clock.PendingTimers > 0 || call.IsCompleted, what: $"attempt {attempt} waiting for its reply");
            call.IsCompleted.ShouldBeFalse($"The call ended after {attempt - 1} attempt(s); the budget is {options.MaxAttempts}.");
            clock.Advance(options.Timeout);
        }
        var error = await Should.ThrowAsync<EchoTimeoutException>(call.WithDeadline());
        error.Attempts.ShouldBe(options.MaxAttempts);
        error.Message.ShouldContain(options.MaxAttempts.ToString(), Case.Sensitive, "The message should say how many attempts were made.");

        await Wait.UntilAsync(() => proxy.Sessions.Sum(s => s.ClientToServer.Received) >= options.MaxAttempts, what: "the requests reaching the proxy");
        proxy.Sessions.Sum(s => s.ClientToServer.Received).ShouldBe(options.MaxAttempts, "The client should send exactly MaxAttempts requests.");
    }

    [Test, Hint("The caller's token stops the wait at once: throw OperationCanceledException, not a timeout.")]
    public async Task Cancelling_the_call_throws_OperationCanceledException()
    {
        using var fake = new FakeServer();
        using var cancel = new CancellationTokenSource();
        var call = fake.Client.EchoAsync(new byte[] { 1 }, cancel.Token);
        await fake.NextRequestAsync("the request");
        cancel.Cancel();
        await Should.ThrowAsync<OperationCanceledException>(call.WithDeadline());
    }

    [Test, Points(3), TimeLimit(60)]
    [Hint("See Hint 4.4: through 30% loss each way, duplicates, reordering and delay, retries plus number checks still give every call its own payload.")]
    public async Task Every_call_returns_its_own_payload_through_a_lossy_network()
    {
        await using var server = RunningServer.Start();
        await using var proxy = await UdpFaultProxy.StartAsync(server.EndPoint, f => f.Lossy(loss: 0.3));
        using var client = new UdpEchoClient(proxy.EndPoint, new EchoClientOptions(TimeSpan.FromMilliseconds(200), MaxAttempts: 40));
        var random = TestSeed.RandomForCurrentTest();
        for (var i = 0; i < 12; i++)
        {
            var payload = Payloads.Labelled(random, $"call {i}", extra: random.Next(0, 2000));
            var reply = await client.EchoAsync(payload).WithDeadline(TimeSpan.FromSeconds(20), $"call {i}");
            reply.Payload.ShouldBe(payload, $"Call {i} returned another call's payload: {Payloads.Describe(reply.Payload)}.");
        }
    }

    [Test, Points(2), TimeLimit(60)]
    [Hint("See Hint 4.2: replies later than the timeout answer an earlier attempt: accept them for the request in flight, ignore them for the next one.")]
    public async Task Replies_later_than_the_timeout_complete_their_own_call_and_no_other()
    {
        await using var server = RunningServer.Start();
        await using var proxy = await UdpFaultProxy.StartAsync(server.EndPoint, f => f.ServerToClient.Delay(TimeSpan.FromMilliseconds(250)).Duplicate(0.5));
        using var client = new UdpEchoClient(proxy.EndPoint, new EchoClientOptions(TimeSpan.FromMilliseconds(100), MaxAttempts: 40));
        var random = TestSeed.RandomForCurrentTest();
        for (var i = 0; i < 8; i++)
        {
            var payload = Payloads.Labelled(random, $"call {i}");
            var reply = await client.EchoAsync(payload).WithDeadline(TimeSpan.FromSeconds(20), $"call {i}");
            reply.Payload.ShouldBe(payload, $"Call {i} returned a late reply meant for an earlier call: {Payloads.Describe(reply.Payload)}.");
        }
    }

    [Test, Points(3), TimeLimit(60)]
    [Hint("See Hint 4.5: each client has its own socket and numbers; the server must answer each datagram's own sender.")]
    public async Task Fifty_concurrent_clients_each_get_only_their_own_replies()
    {
        await using var server = RunningServer.Start();
        await using var proxy = await UdpFaultProxy.StartAsync(server.EndPoint,
            f => f.ClientToServer.Drop(0.1).ServerToClient.Drop(0.1).Duplicate(0.3).Reorder(0.2));
        var random = TestSeed.RandomForCurrentTest();
        var clients = Enumerable.Range(0, 50)
            .Select(_ => new UdpEchoClient(proxy.EndPoint, new EchoClientOptions(TimeSpan.FromMilliseconds(250), MaxAttempts: 40)))
            .ToList();
        try
        {
            var payloads = clients.Select((_, c) => Enumerable.Range(0, 3).Select(k => Payloads.Labelled(random, $"client {c} call {k}")).ToList()).ToList();
            var runs = clients.Select(async (client, c) =>
            {
                foreach (var payload in payloads[c])
                {
                    var reply = await client.EchoAsync(payload);
                    reply.Payload.ShouldBe(payload, $"Client {c} got a reply that was not its own: {Payloads.Describe(reply.Payload)}.");
                }
            });
            await Task.WhenAll(runs).WithDeadline(TimeSpan.FromSeconds(45), "fifty clients making three calls each");
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
