using NetCourse.Lesson01;

const string usage = """
    Usage: RUN [--lose N[,M…]] [--simultaneous-open] [--simultaneous-close] [--client-isn X] [--server-isn Y]
      Your TcpConnection twice, a client and a server, through an in-memory wire: the three-way
      handshake, the close, and TIME-WAIT's 2 MSL, every segment numbered and every state shown.
      --lose 1 loses the first segment (the SYN): watch the retransmission timer send it again.
      No network and no port: it is the state machine alone (the lesson's OsTcpStates part is
      watched with the operating system's own tools, see the README).

    """;

return await LessonProgram.RunAsync(args, usage, (arguments, run) =>
{
    var lose = (arguments.Text("--lose") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(n => int.TryParse(n, out var i) && i > 0 ? i : throw new UsageError($"--lose takes segment numbers from 1, e.g. --lose 1 or --lose 2,5, not '{n}'."))
        .ToHashSet();
    var simultaneousOpen = arguments.Flag("--simultaneous-open");
    var simultaneousClose = arguments.Flag("--simultaneous-close");
    var clientIss = (uint)arguments.Int("--client-isn", 100);
    var serverIss = (uint)arguments.Int("--server-isn", 300);
    if (arguments.Positionals().Count > 0) throw new UsageError("lesson01 takes options only.");

    run.Output.WriteLine($"lesson01: two TcpConnections ({run.Implementation}), client ISS {clientIss}, server ISS {serverIss}" +
        (lose.Count > 0 ? $", losing segment(s) #{string.Join(", #", lose.Order())}" : ""));
    using var trace = new Trace(run.Output, lose, clientIss, serverIss).Start();

    if (simultaneousOpen)
        trace.Step("both ActiveOpen (simultaneous open)", () => { trace.Client.ActiveOpen(); trace.Server.ActiveOpen(); });
    else
    {
        trace.Step("server.PassiveOpen()", trace.Server.PassiveOpen);
        trace.Step("client.ActiveOpen()", trace.Client.ActiveOpen);
    }
    if (!trace.RunUntil(() => trace.Client.State == TcpState.Established && trace.Server.State == TcpState.Established)) return Task.FromResult(1);

    if (simultaneousClose)
        trace.Step("both Close() (simultaneous close)", () => { trace.Client.Close(); trace.Server.Close(); });
    else
    {
        trace.Step("client.Close()", trace.Client.Close);
        if (!trace.RunUntil(() => trace.Server.State == TcpState.CloseWait)) return Task.FromResult(1);
        trace.Step("server.Close()", trace.Server.Close);
    }
    if (!trace.RunUntil(() => trace.Server.State is TcpState.Closed or TcpState.TimeWait && trace.Client.State is TcpState.Closed or TcpState.TimeWait))
        return Task.FromResult(1);
    trace.Advance(2 * TcpOptions.Default.MaximumSegmentLifetime, "2 MSL: TIME-WAIT ends");
    run.Output.WriteLine("Try: --lose 1 (the SYN), --lose 2 (the SYN+ACK), --lose 4 (the first FIN), --simultaneous-open.");
    return Task.FromResult(0);
});
