namespace NetCourse.Lesson06.Tests;

[Task(4)]
public class TimeoutTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Test, Points(2), Hint("See Hint 4.1: arm a timer of IdleTimeout on the TimeProvider before each read; when it fires, send the idle error and close.")]
    public async Task Silent_client_is_dropped_after_the_idle_timeout()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectServedAsync();
        await s.UntilTimersArmedAsync();
        s.Clock.Advance(ServerSetup.IdleTimeout);
        (await client.ReadLineAsync("the idle timeout")).ShouldBe(LineProtocol.IdleTimeout);
        await client.ShouldBeClosedByServerAsync("a client silent for IdleTimeout is dropped.");
        await Wait.UntilAsync(() => s.Server.ActiveConnections == 0, what: "the dropped client's slot being freed");
    }

    [Test, Hint("See Hint 4.1: the idle timeout is IdleTimeout, not less.")]
    public async Task Client_silent_for_just_under_the_idle_timeout_is_still_served()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectServedAsync();
        await s.UntilTimersArmedAsync();
        s.Clock.Advance(ServerSetup.IdleTimeout - Tick);
        (await client.AskAsync("just in time")).ShouldBe("re:just in time", "One tick before IdleTimeout the client must still be served.");
    }

    [Test, Hint("See Hint 4.1: re-arm the idle timer after each answered line: it measures silence, not the session's age.")]
    public async Task Idle_timeout_restarts_after_each_answered_line()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectServedAsync();
        await s.UntilTimersArmedAsync();
        s.Clock.Advance(ServerSetup.IdleTimeout - Tick);
        await client.AskAsync("first");
        await s.UntilTimersArmedAsync();
        s.Clock.Advance(ServerSetup.IdleTimeout - Tick);
        (await client.AskAsync("second")).ShouldBe("re:second", "After an answered line, the client has a full IdleTimeout again.");
    }

    [Test, Points(2), Hint("See Hint 4.2: once a line has started, it must end within ReadTimeout of its first byte (slowloris).")]
    public async Task Half_a_line_is_dropped_after_the_read_timeout()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectServedAsync();
        // One write: the answered line and the start of the next arrive together.
        await client.SendAsync("whole\nhalf a li");
        (await client.ReadLineAsync()).ShouldBe("re:whole");
        await s.UntilTimersArmedAsync();
        s.Clock.Advance(ServerSetup.ReadTimeout);
        (await client.ReadLineAsync("the read timeout")).ShouldBe(LineProtocol.ReadTimeout,
            $"A line started but unfinished after ReadTimeout ({ServerSetup.ReadTimeout.TotalSeconds:0} s, shorter than the idle timeout) must be dropped.");
        await client.ShouldBeClosedByServerAsync("a client stuck mid-line is dropped after the read timeout.");
    }

    [Test, Points(2), Hint("See Hint 4.2: the read timeout counts from the line's first byte; more bytes of the same line must not restart it, or a client dripping one byte at a time holds its connection for ever.")]
    public async Task Bytes_dripping_into_a_started_line_do_not_restart_the_read_timeout()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectServedAsync();
        await client.SendAsync("whole\nx");
        (await client.ReadLineAsync()).ShouldBe("re:whole");
        await s.UntilTimersArmedAsync();
        // Three more bytes of the same line, a quarter of the read timeout apart: only the first
        // byte's time counts, so the line is overdue when the fourth quarter has passed.
        const int Quarters = 4;
        for (var drip = 1; drip < Quarters; drip++)
        {
            s.Clock.Advance(ServerSetup.ReadTimeout / Quarters);
            await DripAsync(s, client);
        }
        s.Clock.Advance(ServerSetup.ReadTimeout / Quarters);
        (await client.ReadLineAsync("the read timeout, ReadTimeout after the line's first byte")).ShouldBe(LineProtocol.ReadTimeout,
            "A line still unfinished ReadTimeout after its first byte must be dropped, however many bytes have dripped in since (slowloris).");
    }

    [Test, Hint("See Hint 4.2: the read timeout starts with a line's first byte, the first line of a connection too.")]
    public async Task The_first_line_half_sent_is_dropped_after_the_read_timeout()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectServedAsync();
        await s.UntilTimersArmedAsync();
        await DripAsync(s, client);
        s.Clock.Advance(ServerSetup.ReadTimeout);
        (await client.ReadLineAsync("the read timeout")).ShouldBe(LineProtocol.ReadTimeout,
            "A first line started but unfinished after ReadTimeout must be dropped, not given the idle timeout.");
    }

    [Test, Hint("See Hint 4.2: a line that starts in the read that ends the one before it gets ReadTimeout from its own first byte.")]
    public async Task A_line_started_with_the_end_of_the_previous_one_gets_a_full_read_timeout()
    {
        await using var s = ServerSetup.Start();
        await using var client = await s.ConnectServedAsync();
        await s.UntilTimersArmedAsync();
        await DripAsync(s, client);
        s.Clock.Advance(ServerSetup.ReadTimeout * 3 / 4);
        // One write: the end of the first line and the start of the next.
        await client.SendAsync("\nnext");
        (await client.ReadLineAsync()).ShouldBe("re:x");
        await s.UntilTimersArmedAsync();
        s.Clock.Advance(ServerSetup.ReadTimeout / 2);
        await client.SendAsync("\n");
        (await client.ReadLineAsync("the answer to the second line")).ShouldBe("re:next",
            "The second line started with the end of the first: its ReadTimeout counts from then, not from the first line's first byte.");
    }

    // Sends one more byte of the line, then gives the server a moment to handle it before time moves
    // on: until it has looked at the clock (a server that restarts its timeout on a byte must) and
    // its timer is armed again. A server that never looks at the clock for a byte cannot restart
    // anything on it, so the wait is bounded and its end is not an error.
    private static async Task DripAsync(ServerSetup s, LineClient client)
    {
        var looks = s.ServerClock.Looks;
        await client.SendAsync("x");
        try
        {
            await Wait.UntilAsync(() => s.ServerClock.Looks > looks && s.Clock.PendingTimers >= 1, TimeSpan.FromSeconds(1), "the server handling the byte");
        }
        catch (DeadlineExceededException)
        {
            // It did not look at the clock for this byte: nothing was restarted.
        }
    }

    [Test, Hint("See Hint 4.1: a timeout drops only its own connection.")]
    public async Task A_timed_out_client_does_not_disturb_the_others()
    {
        await using var s = ServerSetup.Start();
        await using var silent = await s.ConnectServedAsync();
        await s.UntilTimersArmedAsync();
        s.Clock.Advance(ServerSetup.IdleTimeout / 2);
        await using var active = await s.ConnectServedAsync();
        await s.UntilTimersArmedAsync(2);
        s.Clock.Advance(ServerSetup.IdleTimeout / 2);
        (await silent.ReadLineAsync("the idle timeout")).ShouldBe(LineProtocol.IdleTimeout);
        (await active.AskAsync("fine")).ShouldBe("re:fine", "The other client, idle for only half the timeout, must still be served.");
    }
}
