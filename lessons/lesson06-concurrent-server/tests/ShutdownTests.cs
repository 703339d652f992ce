namespace NetCourse.Lesson06.Tests;

[Task(5)]
public class ShutdownTests
{
    [Test, Points(3), TimeLimit(60), Hint("See Hint 5.2: StopAsync closes connections waiting for a request at once: it does not wait for idle clients to leave.")]
    public async Task StopAsync_with_100_idle_clients_completes_and_leaves_no_connection()
    {
        await using var s = ServerSetup.Start(maxConnections: 200);
        var clients = new List<LineClient>();
        try
        {
            for (var i = 0; i < 100; i += 25)
                clients.AddRange(await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => s.ConnectAsync())));
            await Wait.UntilAsync(() => s.Server.ActiveConnections == 100, TimeSpan.FromSeconds(20), "all 100 clients being served");

            // The manual clock does not move: only closing the idle connections lets StopAsync end.
            await s.StopAsync();

            s.Server.ActiveConnections.ShouldBe(0, "After StopAsync no connection may remain open on the server.");
            foreach (var client in clients)
                await client.ShouldBeClosedByServerAsync("StopAsync closes every idle connection.");
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    [Test, Hint("See Task 5: DisposeAsync stops the server as StopAsync does.")]
    public async Task After_DisposeAsync_the_port_refuses_connections()
    {
        // No ServerSetup: it would stop the server again at the end of the test.
        var server = new LineServer(ServerSetup.EchoHandler, new LineServerOptions(), new ManualClock());
        server.Start();
        var endPoint = server.LocalEndPoint;
        await server.DisposeAsync().AsTask().WithDeadline(what: "server.DisposeAsync() with no connection");
        (await Should.ThrowAsync<SocketException>(() => LineClient.ConnectAsync(endPoint)))
            .SocketErrorCode.ShouldBe(SocketError.ConnectionRefused, "A disposed server must not listen any more: the port refuses connections.");
    }

    [Test, Points(2), Hint("See Hint 5.1: stop accepting first: close the listening socket.")]
    public async Task After_StopAsync_the_port_refuses_connections()
    {
        await using var s = ServerSetup.Start();
        var endPoint = s.EndPoint;
        await s.StopAsync();
        (await Should.ThrowAsync<SocketException>(() => LineClient.ConnectAsync(endPoint)))
            .SocketErrorCode.ShouldBe(SocketError.ConnectionRefused, "A stopped server must not listen any more: the port refuses connections.");
    }

    [Test, Points(2), Hint("See Hint 5.3: a line being answered when StopAsync starts gets its answer before the connection closes.")]
    public async Task StopAsync_lets_a_line_in_progress_finish()
    {
        var handler = new HeldHandler();
        await using var s = ServerSetup.Start(handler.AnswerAsync);
        await using var client = await s.ConnectAsync();
        await client.SendAsync("slow\n");

        var stopping = await handler.StopWhileHeldAsync(s);

        (await client.ReadLineAsync("the answer to the line in progress")).ShouldBe("re:slow",
            "Shutdown must let the line in progress finish and send its answer.");
        await client.ShouldBeClosedByServerAsync("after its last answer, the connection is closed by the shutdown.");
        await stopping.WithDeadline(what: "StopAsync after the last line finished");
    }

    [Test, Points(1), Hint("See Hint 5.3: after the answer to the line in progress, close: the lines queued behind it are not read.")]
    public async Task StopAsync_does_not_answer_the_lines_queued_behind_the_one_in_progress()
    {
        var handler = new HeldHandler();
        await using var s = ServerSetup.Start(handler.AnswerAsync);
        await using var client = await s.ConnectAsync();
        // Both lines in one write: the second is in the server's buffer, queued behind the first.
        await client.SendAsync("slow\nqueued\n");

        var stopping = await handler.StopWhileHeldAsync(s);

        (await client.ReadLineAsync("the answer to the line in progress")).ShouldBe("re:slow");
        await client.ShouldBeClosedByServerAsync("a shutdown lets the line in progress finish, not the lines queued behind it.");
        await stopping.WithDeadline(what: "StopAsync after the line in progress finished");
    }

    [Test, Points(2), Hint("See Hint 5.4: after ShutdownTimeout (on the TimeProvider), cancel the handlers and close what is left.")]
    public async Task StopAsync_ends_after_the_shutdown_timeout_even_if_a_line_never_finishes()
    {
        await using var s = ServerSetup.Start((_, _) => new ValueTask<string>(new TaskCompletionSource<string>().Task));
        await using var client = await s.ConnectServedAsync();
        await s.UntilTimersArmedAsync();
        await client.SendAsync("never answered\n");
        await Wait.UntilAsync(() => s.Clock.PendingTimers == 0, what: "the server reading the line and starting to answer it");

        var stopping = s.Server.StopAsync();
        await s.UntilTimersArmedAsync();
        stopping.IsCompleted.ShouldBeFalse("StopAsync must give the line in progress ShutdownTimeout to finish.");
        s.Clock.Advance(ServerSetup.ShutdownTimeout);
        await stopping.WithDeadline(what: "StopAsync once ShutdownTimeout has passed");
        s.Server.ActiveConnections.ShouldBe(0, "After the shutdown timeout, the stuck connection must be closed too.");
        await client.ShouldBeClosedByServerAsync("a connection still busy at the shutdown timeout is aborted.");
    }

    [Test, Hint("See Hint 5.1: StopAsync may be called twice; the second call waits for the same shutdown.")]
    public async Task StopAsync_twice_completes_both_times()
    {
        await using var s = ServerSetup.Start();
        await s.StopAsync();
        await s.StopAsync();
        s.Server.ActiveConnections.ShouldBe(0);
    }

    [Test, Hint("See Hint 5.1: a second StopAsync returns the task of the first: one shutdown, however many callers.")]
    public async Task StopAsync_called_twice_returns_the_same_task()
    {
        // A line in progress keeps the first shutdown from completing at once: an async method that
        // completes synchronously returns a cached task, which would make two shutdowns look like one.
        var handler = new HeldHandler();
        await using var s = ServerSetup.Start(handler.AnswerAsync);
        await using var client = await s.ConnectAsync();
        await client.SendAsync("slow\n");
        var first = await handler.StopWhileHeldAsync(s);

        var second = s.Server.StopAsync();

        second.ShouldBeSameAs(first, "Hint 5.1: calling StopAsync twice returns the same task, not a second shutdown.");
        await first.WithDeadline(what: "StopAsync after the line in progress finished");
    }

    /// <summary>A handler that holds the first line it gets until a shutdown has begun, then answers like the echo handler.</summary>
    private sealed class HeldHandler
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<string> AnswerAsync(string line, CancellationToken cancellation)
        {
            _entered.TrySetResult();
            await _release.Task;
            return ServerSetup.AnswerTo(line);
        }

        /// <summary>Waits for the handler to hold a line, starts StopAsync, and lets the line go once the shutdown waits for it.</summary>
        public async Task<Task> StopWhileHeldAsync(ServerSetup s)
        {
            await _entered.Task.WithDeadline(what: "the handler starting on the line");
            var stopping = s.Server.StopAsync();
            await Wait.UntilAsync(() => s.Clock.PendingTimers > 0 || stopping.IsCompleted, what: "StopAsync waiting for the line in progress");
            _release.SetResult();
            return stopping;
        }
    }
}
