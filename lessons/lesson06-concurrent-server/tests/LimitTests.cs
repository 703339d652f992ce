using System.Text;

namespace NetCourse.Lesson06.Tests;

[Task(3)]
public class LimitTests
{
    [Test, Points(2), Hint("See Hint 3.1: over the limit, write the busy line and close at once; never leave the client waiting.")]
    public async Task Connection_over_the_limit_gets_a_busy_line_and_is_closed()
    {
        await using var s = ServerSetup.Start(maxConnections: 2);
        await using var a = await s.ConnectServedAsync();
        await using var b = await s.ConnectServedAsync();
        await using var refused = await s.ConnectAsync();
        (await refused.ReadLineAsync("the refusal of the third connection")).ShouldBe(LineProtocol.Busy,
            "The connection over the limit must be told the server is busy, not left waiting.");
        await refused.ShouldBeClosedByServerAsync("a refused connection is closed after the busy line.");
    }

    [Test, Hint("See Task 2: every line the server sends ends in LF, the busy line too (a client reads lines).")]
    public async Task The_busy_line_ends_in_LF()
    {
        await using var s = ServerSetup.Start(maxConnections: 1);
        await using var served = await s.ConnectServedAsync();
        await using var refused = await s.ConnectAsync();
        var bytes = await refused.ReadToEndAsync("the refusal");
        Encoding.UTF8.GetString(bytes).ShouldBeOneOf([LineProtocol.Busy + "\n", LineProtocol.Busy + "\r\n"],
            "The connection over the limit gets the busy line, ended like every other line, then the close.");
    }

    [Test, Hint("See Hint 3.1: a refused connection is never counted as active, and the clients already served carry on.")]
    public async Task A_refusal_does_not_disturb_the_clients_being_served()
    {
        await using var s = ServerSetup.Start(maxConnections: 1);
        await using var served = await s.ConnectServedAsync();
        await using var refused = await s.ConnectAsync();
        (await refused.ReadLineAsync("the refusal")).ShouldBe(LineProtocol.Busy);
        s.Server.ActiveConnections.ShouldBe(1, "A refused connection must not count as active.");
        (await served.AskAsync("still here")).ShouldBe("re:still here");
    }

    [Test, Hint("See Hint 3.1: a slot frees when a connection ends; the next client is served.")]
    public async Task A_slot_freed_by_a_leaving_client_serves_the_next_one()
    {
        await using var s = ServerSetup.Start(maxConnections: 1);
        await using (var first = await s.ConnectServedAsync())
            await first.AskAsync(LineProtocol.Stop);
        await Wait.UntilAsync(() => s.Server.ActiveConnections == 0, what: "the first client's slot being freed");
        await using var next = await s.ConnectAsync();
        (await next.AskAsync("my turn")).ShouldBe("re:my turn", "Once a client leaves, the limit admits the next one.");
    }

    [Test, Points(2), Hint("See Hint 3.2: a line over MaxLineLength gets the error line, then the connection is closed.")]
    public async Task Line_over_the_maximum_gets_an_error_and_the_connection_closes()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectAsync();
        await client.SendAsync(new string('x', ServerSetup.MaxLineLength + 1) + "\n");
        (await client.ReadLineAsync("the answer to a line too long")).ShouldBe(LineProtocol.LineTooLong);
        await client.ShouldBeClosedByServerAsync("a line too long ends the session.");
    }

    [Test, Hint("See Hint 3.2: the maximum is inclusive: a line of exactly MaxLineLength bytes is answered.")]
    public async Task Line_of_exactly_the_maximum_is_answered()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectAsync();
        var line = new string('x', ServerSetup.MaxLineLength);
        (await client.AskAsync(line)).ShouldBe(ServerSetup.AnswerTo(line));
    }

    [Test, Points(3), TimeLimit(60), Hint("See Hint 3.3: decide TooLong as soon as the buffer without LF passes the maximum, and stop reading.")]
    public async Task Ten_MB_line_without_a_newline_is_refused_without_the_server_buffering_it()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectAsync();
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        using var sending = Deadline.Start(TimeSpan.FromSeconds(30));
        var sender = Task.Run(async () =>
        {
            try
            {
                for (var sent = 0; sent < 10 * 1024 * 1024; sent += chunk.Length)
                    await client.Socket.SendAsync(chunk, SocketFlags.None, sending.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The server refused the line and closed: the rest cannot be sent.
            }
        });
        await sender.WithDeadline(TimeSpan.FromSeconds(30), "the client's 10 MB send ending");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        allocated.ShouldBeLessThan(1024L * 1024,
            $"The process allocated {allocated / 1024:N0} KB while the server took a line of {ServerSetup.MaxLineLength} bytes max: it must refuse the line, not buffer the 10 MB.");
        (await client.ReadLineAsync("the refusal of a 10 MB line")).ShouldBe(LineProtocol.LineTooLong,
            "A 10 MB line must be refused with the line-too-long error.");
    }
}
