namespace NetCourse.Lesson06.Tests;

[Task(2)]
public class ServingTests
{
    [Test, Hint("See Hint 2.1: read a line, pass it to the handler, write the handler's answer and a LF.")]
    public async Task Each_line_gets_the_handler_answer()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectAsync();
        (await client.AskAsync("hello")).ShouldBe("re:hello", "The server must answer each line with the handler's reply.");
        (await client.AskAsync("again")).ShouldBe("re:again", "The second line on the same connection gets its own answer.");
    }

    [Test, Hint("See Hint 2.6: a server starts once; a second Start throws InvalidOperationException.")]
    public async Task Start_on_a_started_server_throws_InvalidOperationException()
    {
        await using var s = ServerSetup.Start();
        Should.Throw<InvalidOperationException>(() => s.Server.Start(), "The server is already listening: a second Start must refuse.");
    }

    [Test, Hint("See Hint 2.6: before Start there is no endpoint: LocalEndPoint throws InvalidOperationException.")]
    public void LocalEndPoint_before_Start_throws_InvalidOperationException()
    {
        var server = new LineServer(ServerSetup.EchoHandler, new LineServerOptions());
        Should.Throw<InvalidOperationException>(() => _ = server.LocalEndPoint, "A server that was never started listens nowhere.");
    }

    [Test, Hint("See Hint 2.6: when the bind fails, Start lets the SocketException out.")]
    public async Task Start_on_a_port_in_use_throws_the_SocketException()
    {
        await using var first = ServerSetup.Start();
        var second = new LineServer(ServerSetup.EchoHandler, new LineServerOptions { EndPoint = first.EndPoint });
        Should.Throw<SocketException>(() => second.Start(), $"{first.EndPoint} is taken by another server: the bind fails, and Start must say so.");
    }

    [Test, Hint("See Hint 2.2: STOP is answered BYE by the server itself, then the connection is closed.")]
    public async Task STOP_gets_BYE_and_the_server_closes_the_connection()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectAsync();
        (await client.AskAsync(LineProtocol.Stop)).ShouldBe(LineProtocol.Bye);
        await client.ShouldBeClosedByServerAsync("STOP ends the session.");
    }

    [Test, Hint("See Hint 2.1: handle every complete line in the buffer before reading again.")]
    public async Task Two_lines_in_one_write_get_two_answers_in_order()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectAsync();
        await client.SendAsync("one\ntwo\n");
        (await client.ReadLineAsync()).ShouldBe("re:one");
        (await client.ReadLineAsync()).ShouldBe("re:two", "Both lines of one write must be answered, in order.");
    }

    [Test, Points(2), Hint("See Hint 2.3: the accept loop must not await a connection; start a task per connection and accept the next.")]
    public async Task A_client_that_sends_half_a_line_does_not_delay_others()
    {
        await using var s = ServerSetup.Start();
        await using var slow = await s.ConnectAsync();
        await slow.SendAsync("half a li");
        await using var other = await s.ConnectAsync();
        (await other.AskAsync("quick")).ShouldBe("re:quick", "A client stuck mid-line must not stop the server from serving another client.");
    }

    [Test, Hint("See Hint 2.4: count a connection when its task starts and uncount it in a finally when it ends.")]
    public async Task ActiveConnections_counts_clients_being_served()
    {
        await using var s = ServerSetup.Start();
        await using var a = await s.ConnectAsync();
        await using var b = await s.ConnectAsync();
        await Wait.UntilAsync(() => s.Server.ActiveConnections == 2, what: "ActiveConnections reaching 2 with two clients connected");
        await a.AskAsync(LineProtocol.Stop);
        await Wait.UntilAsync(() => s.Server.ActiveConnections == 1, what: "ActiveConnections going back to 1 after one client sent STOP");
    }

    [Test, Hint("See Hint 2.5: the random number handler answers any line with Random.Next() in decimal.")]
    public async Task Random_number_handler_answers_with_the_next_number_of_its_generator()
    {
        var handler = RandomNumbers.Handler(new Random(42));
        var expected = new Random(42);
        (await handler("anything", CancellationToken.None)).ShouldBe(expected.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await handler("more", CancellationToken.None)).ShouldBe(expected.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Each line gets the next number of the generator.");
    }

    [Test, TimeLimit(60), Hint("See Hint 2.5: connections call the handler in parallel, and a Random other than Random.Shared breaks when two threads are inside Next() at once: lock around it.")]
    public async Task Random_number_handler_lets_one_caller_at_a_time_into_its_generator()
    {
        var random = new SecondCallerRandom();
        var handler = RandomNumbers.Handler(random);
        await handler("warm-up", CancellationToken.None); // compiled and initialised before the race

        random.Arm();
        var first = Task.Run(async () => await handler("first", CancellationToken.None));
        random.WaitForFirstCaller(TimeSpan.FromSeconds(30)).ShouldBeTrue("The handler should call Next() on the Random it was given.");

        // The second caller runs on a thread of its own, so the test can see it held at a lock
        // (its thread waits) or parked in an asynchronous wait (its call returns unfinished).
        Task? second = null;
        var secondThread = new Thread(() => second = handler("second", CancellationToken.None).AsTask());
        secondThread.Start();
        await Wait.UntilAsync(
            () => random.SecondCallerCameIn
                  || (secondThread.ThreadState & ThreadState.WaitSleepJoin) != 0
                  || Volatile.Read(ref second) is { IsCompleted: false },
            TimeSpan.FromSeconds(30), "the second caller to come into Next(), or to wait for the first one");
        random.Release();
        secondThread.Join();
        await first;
        await second!;

        random.SecondCallerCameIn.ShouldBeFalse("A second connection's line came into Random.Next() while the first one was still in it.");
    }

    [Test, Points(3), TimeLimit(120), Hint("See Hint 2.3: one task per connection; nothing shared between connections but the counter.")]
    public async Task Thousand_concurrent_clients_each_get_their_own_answers()
    {
        const int clients = 1_000, batch = 50;
        await using var s = ServerSetup.Start(maxConnections: clients);
        var connected = new List<LineClient>(clients);
        try
        {
            // Connect in bounded batches: never more connects in flight than the backlog can hold.
            for (var i = 0; i < clients; i += batch)
                connected.AddRange(await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => s.ConnectAsync())));
            await Wait.UntilAsync(() => s.Server.ActiveConnections == clients, TimeSpan.FromSeconds(30),
                "all 1,000 clients being served at once (ActiveConnections = 1000)");

            var wrong = 0;
            for (var start = 0; start < clients; start += batch)
            {
                var first = start;
                await Task.WhenAll(connected.Skip(first).Take(batch).Select(async (client, k) =>
                {
                    var id = $"client-{first + k}";
                    if (await client.AskAsync(id) != ServerSetup.AnswerTo(id)) Interlocked.Increment(ref wrong);
                    if (await client.AskAsync(id + "-2") != ServerSetup.AnswerTo(id + "-2")) Interlocked.Increment(ref wrong);
                }));
            }
            wrong.ShouldBe(0, "Every client must get the answers to its own lines.");
        }
        finally
        {
            foreach (var client in connected) await client.DisposeAsync();
        }
    }
}
