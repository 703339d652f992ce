namespace NetCourse.Lesson02.Tests;

[Task(3)]
public class ClientTests
{
    [Test, Hint("See Hint 3.1: send EchoWire's datagram to the server, receive, and return the payload after the header.")]
    public async Task Echo_through_a_real_server_returns_the_payload()
    {
        await using var server = RunningServer.Start();
        using var client = new UdpEchoClient(server.EndPoint);
        var payload = Payloads.Labelled(TestSeed.RandomForCurrentTest(), "ping");
        var reply = await client.EchoAsync(payload).WithDeadline();
        reply.Payload.ShouldBe(payload);
        reply.Attempts.ShouldBe(1, "Nothing was lost: one attempt is enough.");
    }

    [Test, Hint("An empty payload is a datagram of just the 8-byte header: echo it like any other.")]
    public async Task Empty_payload_is_echoed()
    {
        await using var server = RunningServer.Start();
        using var client = new UdpEchoClient(server.EndPoint);
        (await client.EchoAsync(ReadOnlyMemory<byte>.Empty).WithDeadline()).Payload.ShouldBeEmpty();
    }

    [Test, Hint("See Hint 3.2: the largest payload is EchoWire.MaxPayload (65,499 bytes), and its echo is a 65,507-byte datagram: receive into a buffer that holds it.")]
    public async Task Largest_payload_is_echoed_intact()
    {
        await using var server = RunningServer.Start();
        using var client = new UdpEchoClient(server.EndPoint);
        var payload = Payloads.Random(TestSeed.RandomForCurrentTest(), EchoWire.MaxPayload);
        var reply = await client.EchoAsync(payload).WithDeadline();
        reply.Payload.Length.ShouldBe(EchoWire.MaxPayload);
        reply.Payload.ShouldBe(payload, "The largest payload came back changed.");
    }

    [Test, Hint("A payload that cannot fit in one datagram is the caller's mistake: throw ArgumentException before sending anything.")]
    public async Task Payload_larger_than_a_datagram_is_rejected()
    {
        using var fake = new FakeServer();
        await Should.ThrowAsync<ArgumentException>(async () => await fake.Client.EchoAsync(new byte[EchoWire.MaxPayload + 1]));
    }

    [Test, Hint("See Hint 3.1: each datagram is EchoWire.Write(number, payload): the 8-byte number, then the payload.")]
    public async Task Request_is_a_number_then_the_payload()
    {
        using var fake = new FakeServer();
        var payload = Payloads.Labelled(TestSeed.RandomForCurrentTest(), "numbered");
        var call = fake.Client.EchoAsync(payload);
        var request = await fake.NextRequestAsync("the request");
        request.Payload.ShouldBe(payload, "After the 8-byte number, the datagram holds the payload.");
        await fake.ReplyAsync(request);
        await call.WithDeadline();
    }

    [Test, Hint("See Hint 3.1: every request gets a new number; never reuse one.")]
    public async Task Each_request_gets_a_new_number()
    {
        using var fake = new FakeServer();
        var first = fake.Client.EchoAsync(new byte[] { 1 });
        var one = await fake.NextRequestAsync("the first request");
        await fake.ReplyAsync(one);
        await first.WithDeadline();
        var second = fake.Client.EchoAsync(new byte[] { 1 });
        var two = await fake.NextRequestAsync("the second request");
        two.Number.ShouldNotBe(one.Number, "Two requests with the same number cannot be told apart: which one does a reply answer?");
        await fake.ReplyAsync(two);
        await second.WithDeadline();
    }

    [Test, Points(2), Hint("See Hint 3.3: a reply counts only if it carries the number of the request in flight; a duplicate of an earlier reply carries an older one.")]
    public async Task Duplicate_of_an_earlier_reply_is_not_taken_for_the_next_reply()
    {
        using var fake = new FakeServer();
        var random = TestSeed.RandomForCurrentTest();
        var (firstPayload, secondPayload) = (Payloads.Labelled(random, "first"), Payloads.Labelled(random, "second"));

        var first = fake.Client.EchoAsync(firstPayload);
        var one = await fake.NextRequestAsync("the first request");
        await fake.ReplyAsync(one);
        await fake.ReplyAsync(one); // the network delivers it twice
        (await first.WithDeadline()).Payload.ShouldBe(firstPayload);

        var second = fake.Client.EchoAsync(secondPayload);
        var two = await fake.NextRequestAsync("the second request");
        await fake.ReplyAsync(two);
        var reply = await second.WithDeadline();
        reply.Payload.ShouldBe(secondPayload, "The second call returned the duplicate of the first reply, which was already waiting in the socket.");
    }

    [Test, Points(2), Hint("See Hint 3.3: a late reply to an earlier request is stale: its number is older than the request in flight.")]
    public async Task Late_reply_to_an_earlier_request_is_ignored()
    {
        using var fake = new FakeServer();
        var random = TestSeed.RandomForCurrentTest();
        var (firstPayload, secondPayload) = (Payloads.Labelled(random, "first"), Payloads.Labelled(random, "second"));

        var first = fake.Client.EchoAsync(firstPayload);
        var lost = await fake.NextRequestAsync("the first attempt of the first request");
        fake.TimeOut();
        var retry = await fake.NextRequestAsync("the second attempt of the first request");
        await fake.ReplyAsync(retry);
        await first.WithDeadline();

        var second = fake.Client.EchoAsync(secondPayload);
        var two = await fake.NextRequestAsync("the second request");
        await fake.ReplyAsync(lost); // the first attempt's reply, very late
        await fake.ReplyAsync(two);
        (await second.WithDeadline()).Payload.ShouldBe(secondPayload, "The second call returned a late reply to the first request.");
    }

    [Test, Points(2), Hint("See Hint 3.4: compare the sender of each datagram with the server's endpoint; anyone can send to your port.")]
    public async Task Copy_of_a_reply_from_another_endpoint_is_ignored()
    {
        using var fake = new FakeServer();
        using var stranger = new UdpPeer();
        var call = fake.Client.EchoAsync(Payloads.Labelled(TestSeed.RandomForCurrentTest(), "mine"));
        var unanswered = await fake.NextRequestAsync("the first attempt");
        fake.TimeOut();
        var answered = await fake.NextRequestAsync("the second attempt");

        // A stranger sends a perfect copy of the first attempt's reply, then the server answers the second.
        await stranger.SendAsync(unanswered.Datagram, unanswered.From);
        await fake.ReplyAsync(answered);
        var reply = await call.WithDeadline();
        reply.RoundTrip.ShouldBe(TimeSpan.Zero,
            "The stranger's copy answered the first attempt (sent a whole timeout ago); only the server's reply to the second attempt, at once, should count.");
    }

    [Test, Hint("A datagram too short to hold a number, or with a payload that differs, is not a reply: keep waiting.")]
    public async Task Malformed_datagrams_from_the_server_are_ignored()
    {
        using var fake = new FakeServer();
        var payload = Payloads.Labelled(TestSeed.RandomForCurrentTest(), "real");
        var call = fake.Client.EchoAsync(payload);
        var request = await fake.NextRequestAsync("the request");

        await fake.Socket.SendAsync(new byte[] { 1, 2, 3 }, request.From);
        var tampered = request.Datagram.ToArray();
        tampered[^1] ^= 0xFF;
        await fake.Socket.SendAsync(tampered, request.From);
        await fake.ReplyAsync(request);
        (await call.WithDeadline()).Payload.ShouldBe(payload);
    }

    [Test, Hint("See Hint 3.5: take a timestamp from the TimeProvider when sending and measure the elapsed time on the same clock.")]
    public async Task Round_trip_time_is_measured_on_the_given_clock()
    {
        using var fake = new FakeServer();
        var call = fake.Client.EchoAsync(new byte[] { 42 });
        var request = await fake.NextRequestAsync("the request");
        fake.Clock.Advance(TimeSpan.FromMilliseconds(30));
        await fake.ReplyAsync(request);
        (await call.WithDeadline()).RoundTrip.ShouldBe(TimeSpan.FromMilliseconds(30), "The reply came 30 ms (on the manual clock) after the request.");
    }
    [Test, Hint("See Hint 3.1: bind the client's socket in the constructor, to port 0: LocalEndPoint is the port its requests come from, where the replies go.")]
    public async Task Requests_come_from_the_clients_LocalEndPoint()
    {
        using var fake = new FakeServer();
        fake.Client.LocalEndPoint.Port.ShouldNotBe(0, "LocalEndPoint should hold the port the system chose when the client bound its socket.");
        var call = fake.Client.EchoAsync(new byte[] { 5 });
        var request = await fake.NextRequestAsync("the request");
        request.From.Port.ShouldBe(fake.Client.LocalEndPoint.Port, "The request should come from the client's LocalEndPoint.");
        await fake.ReplyAsync(request);
        await call.WithDeadline();
    }

    [Test, Hint("See Hint 3.1: the client's socket has the server's address family: for an IPv6 server, an IPv6 socket bound to IPAddress.IPv6Any.")]
    public async Task Echo_through_a_server_on_IPv6_loopback_returns_the_payload()
    {
        await using var server = RunningServer.Start(IPAddress.IPv6Loopback);
        using var client = new UdpEchoClient(server.EndPoint);
        var payload = Payloads.Labelled(TestSeed.RandomForCurrentTest(), "v6");
        (await client.EchoAsync(payload).WithDeadline()).Payload.ShouldBe(payload);
    }

    [Test, Hint("One request at a time per client: EchoAsync while another call is in flight throws InvalidOperationException, and the call in flight goes on.")]
    public async Task Second_request_while_one_is_in_flight_is_rejected()
    {
        using var fake = new FakeServer();
        var first = fake.Client.EchoAsync(new byte[] { 1 });
        var request = await fake.NextRequestAsync("the first request");
        await Should.ThrowAsync<InvalidOperationException>(async () => await fake.Client.EchoAsync(new byte[] { 2 }).WithDeadline(what: "the second EchoAsync"));
        await fake.ReplyAsync(request);
        (await first.WithDeadline()).Payload.ShouldBe(new byte[] { 1 }, "The rejected call must not disturb the one in flight.");
    }
}
