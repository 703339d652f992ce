using System.Net;
using NetCourse.Lesson06;

// The Go material's random-number server, as the learner wrote it: every line gets a number.
const string usage = """
    Usage: RUN [--port P] [--max-connections N] [--max-line-length BYTES]
               [--idle-timeout S] [--read-timeout S] [--shutdown-timeout S]
      Serves RandomNumbers.Handler() with your LineServer on 127.0.0.1:P (default 9006;
      0 lets the system choose). The limits default to LineServerOptions' defaults.

    """;

return await LessonProgram.RunAsync(args, usage, async (arguments, run) =>
{
    var defaults = new LineServerOptions();
    run.Port = arguments.Port(9006);
    var options = new LineServerOptions
    {
        EndPoint = new IPEndPoint(IPAddress.Loopback, run.Port.Value),
        MaxConnections = arguments.Int("--max-connections", defaults.MaxConnections),
        MaxLineLength = arguments.Int("--max-line-length", defaults.MaxLineLength),
        IdleTimeout = arguments.Seconds("--idle-timeout", defaults.IdleTimeout.TotalSeconds),
        ReadTimeout = arguments.Seconds("--read-timeout", defaults.ReadTimeout.TotalSeconds),
        ShutdownTimeout = arguments.Seconds("--shutdown-timeout", defaults.ShutdownTimeout.TotalSeconds),
    };
    if (arguments.Positionals().Count > 0) throw new UsageError("lesson06 takes options only.");

    await using var server = new LineServer(RandomNumbers.Handler(), options);
    server.Start();
    var at = server.LocalEndPoint;
    run.Listening("lesson06 random-number line server", at.ToString(),
        ($"nc {at.Address} {at.Port}", "type a line, get a number back; STOP answers BYE and closes"),
        ($"printf 'a\\nb\\nSTOP\\n' | nc {at.Address} {at.Port}", "two numbers, then BYE"),
        ($"socat - TCP:{at}", "the same with socat; CR LF line ends (socat -,crlf) work too"));
    await run.WaitForStopAsync();
    run.Output.WriteLine($"Stopping: {server.ActiveConnections} connection(s) open, shutting down gracefully…");
    await server.StopAsync();
    run.Output.WriteLine("Stopped.");
    return 0;
});
