using System.Collections.Concurrent;

namespace NetCourse.Lesson06.Tests;

[Task(2)]
public class HandlerFailureTests
{
    private const string Boom = "boom";

    /// <summary>A handler that answers like the echo handler, except for "boom", which fails.</summary>
    private static LineHandler Failing(bool synchronously, Exception failure) => (line, _) =>
    {
        if (line != Boom) return ValueTask.FromResult(ServerSetup.AnswerTo(line));
        if (synchronously) throw failure;
        return ValueTask.FromException<string>(failure);
    };

    private sealed class Reports
    {
        public ConcurrentQueue<Exception> Seen { get; } = new();

        public void Add(Exception e) => Seen.Enqueue(e);

        public Task UntilOneAsync() =>
            Wait.UntilAsync(() => !Seen.IsEmpty, what: "Options.HandlerFailed being called with the handler's exception");
    }

    [Test, Points(2), Hint("See Hint 2.3: catch what the handler throws around its call, and pass it to Options.HandlerFailed.")]
    public async Task A_handler_that_throws_is_reported_to_HandlerFailed_with_its_exception()
    {
        var failure = new InvalidOperationException("the handler's bug");
        var reports = new Reports();
        await using var s = ServerSetup.Start(Failing(synchronously: true, failure), handlerFailed: reports.Add);
        await using var client = await s.ConnectAsync();

        await client.SendAsync(Boom + "\n");
        await reports.UntilOneAsync();

        reports.Seen.ToArray().ShouldBe([failure], "HandlerFailed gets the handler's exception as it is, once.");
    }

    [Test, Hint("See Hint 2.7: a cancellation the handler throws on its own, while the server runs, is a handler failure too.")]
    public async Task A_handler_that_throws_its_own_OperationCanceledException_is_reported_to_HandlerFailed()
    {
        var failure = new OperationCanceledException("the handler gave up on its own");
        var reports = new Reports();
        await using var s = ServerSetup.Start(Failing(synchronously: true, failure), handlerFailed: reports.Add);
        await using var client = await s.ConnectAsync();

        await client.SendAsync(Boom + "\n");
        await reports.UntilOneAsync();

        reports.Seen.ToArray().ShouldBe([failure], "The server is not stopping: this cancellation is the handler's, and HandlerFailed gets it.");
    }

    [Test, Points(2), Hint("See Hint 2.3: a handler's task that faults is a failure too: await it inside the try.")]
    public async Task A_handler_whose_task_faults_is_reported_to_HandlerFailed_with_its_exception()
    {
        var failure = new InvalidOperationException("the handler's task faulted");
        var reports = new Reports();
        await using var s = ServerSetup.Start(Failing(synchronously: false, failure), handlerFailed: reports.Add);
        await using var client = await s.ConnectAsync();

        await client.SendAsync(Boom + "\n");
        await reports.UntilOneAsync();

        reports.Seen.ToArray().ShouldBe([failure], "HandlerFailed gets the exception the handler's task faulted with, once.");
    }

    [Test, Points(2), Hint("See Hint 2.3: after a handler failure, close that connection without an answer.")]
    public async Task A_handler_failure_closes_its_connection_without_an_answer()
    {
        await using var s = ServerSetup.Start(Failing(synchronously: true, new InvalidOperationException("bug")), handlerFailed: _ => { });
        await using var client = await s.ConnectAsync();
        (await client.AskAsync("before")).ShouldBe(ServerSetup.AnswerTo("before"));

        await client.SendAsync(Boom + "\n");

        await client.ShouldBeClosedByServerAsync("a line whose handler failed gets no answer, and its connection is closed.");
        await Wait.UntilAsync(() => s.Server.ActiveConnections == 0, what: "the failed connection leaving ActiveConnections");
    }

    [Test, Points(2), Hint("See Hint 2.3: a handler failure ends one connection, never the accept loop or the other connections.")]
    public async Task A_handler_failure_leaves_the_other_connections_and_new_ones_served()
    {
        await using var s = ServerSetup.Start(Failing(synchronously: false, new InvalidOperationException("bug")), handlerFailed: _ => { });
        await using var other = await s.ConnectAsync();
        (await other.AskAsync("first")).ShouldBe(ServerSetup.AnswerTo("first"));
        await using (var failing = await s.ConnectAsync())
        {
            await failing.SendAsync(Boom + "\n");
            await failing.ShouldBeClosedByServerAsync("its handler failed.");
        }

        (await other.AskAsync("second")).ShouldBe(ServerSetup.AnswerTo("second"),
            "A connection open when another one's handler failed must still be served.");
        await using var later = await s.ConnectAsync();
        (await later.AskAsync("third")).ShouldBe(ServerSetup.AnswerTo("third"),
            "The server must still accept and serve new connections after a handler failed.");
    }

    [Test, Points(1), Hint("See Hint 2.3: a handler failure is reported and handled on the connection: it leaves no faulted task for StopAsync.")]
    public async Task StopAsync_completes_without_error_after_handler_failures()
    {
        var reports = new Reports();
        await using var s = ServerSetup.Start(Failing(synchronously: true, new InvalidOperationException("bug")), handlerFailed: reports.Add);
        for (var i = 0; i < 3; i++)
        {
            await using var client = await s.ConnectAsync();
            await client.SendAsync(Boom + "\n");
            await client.ShouldBeClosedByServerAsync("its handler failed.");
        }
        await Wait.UntilAsync(() => reports.Seen.Count == 3, what: "all three failures reported to HandlerFailed");

        await s.StopAsync();
        s.Server.ActiveConnections.ShouldBe(0);
    }
}
