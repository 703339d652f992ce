using System.Diagnostics;
using System.Net;
using System.Text;
using NetCourse.Lesson02;

const string usage = """
    Usage: RUN [serve] [--port P]
             Your UdpEchoServer on 127.0.0.1:P (default 9002; 0 lets the system choose).
           RUN send HOST:PORT TEXT... [--timeout S] [--attempts N]
             Your UdpEchoClient sends TEXT (UTF-8) once and prints the echo; it retries after
             --timeout seconds (default 1), at most --attempts times (default 5).

    """;

return await LessonProgram.RunAsync(args, usage, async (arguments, run) =>
{
    return arguments.Command switch
    {
        null or "serve" => await ServeAsync(arguments, run),
        "send" => await SendAsync(arguments, run),
        var other => throw new UsageError($"unknown command '{other}': serve or send."),
    };
});

static async Task<int> ServeAsync(ProgramArguments arguments, ProgramContext run)
{
    run.Port = arguments.Port(9002);
    if (arguments.Positionals().Count > 1) throw new UsageError("serve takes no arguments besides --port.");
    await using var server = new UdpEchoServer(new IPEndPoint(IPAddress.Loopback, run.Port.Value));
    var loop = server.RunAsync(run.Stop);
    var at = server.LocalEndPoint;
    run.Listening("lesson02 UDP echo server", $"{at} (UDP)",
        ($"nc -u {at.Address} {at.Port}", "type a line: the same line comes back (one datagram per line)"),
        ($"echo hello | socat -t 1 - UDP:{at}", "prints hello: socat sends one datagram and waits 1 s for replies"),
        ($"{run.Command} send {at} hello", "your client: numbered request, retries, and the echo it accepted"));
    try { await loop; }
    catch (OperationCanceledException) when (run.Stop.IsCancellationRequested) { }
    run.Output.WriteLine("Stopped.");
    return 0;
}

static async Task<int> SendAsync(ProgramArguments arguments, ProgramContext run)
{
    var timeout = arguments.Seconds("--timeout", EchoClientOptions.Default.Timeout.TotalSeconds);
    var attempts = arguments.Int("--attempts", EchoClientOptions.Default.MaxAttempts);
    var positionals = arguments.Positionals();
    if (positionals.Count < 3) throw new UsageError("send needs HOST:PORT and TEXT, e.g. send 127.0.0.1:9002 hello.");
    Endpoint endpoint;
    try { endpoint = Endpoint.Parse(positionals[1]); }
    catch (FormatException e) { throw new UsageError($"'{positionals[1]}' is not an endpoint: {e.Message}"); }
    var text = string.Join(' ', positionals.Skip(2));

    var server = await endpoint.ResolveAsync(run.Stop);
    using var client = new UdpEchoClient(server, new EchoClientOptions(timeout, attempts));
    var started = Stopwatch.GetTimestamp();
    try
    {
        var reply = await client.EchoAsync(Encoding.UTF8.GetBytes(text), run.Stop);
        run.Output.WriteLine($"echo from {server}: {Encoding.UTF8.GetString(reply.Payload)}");
        run.Output.WriteLine($"  {reply.Attempts} attempt(s), round trip {reply.RoundTrip.TotalMilliseconds:0.0} ms, from {client.LocalEndPoint}");
        return 0;
    }
    catch (EchoTimeoutException e)
    {
        run.Error.WriteLine($"no echo after {e.Attempts} attempt(s) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: {e.Message}");
        run.Error.WriteLine($"Is a server running there? Start one with {run.Command} --port {endpoint.Port}");
        return 1;
    }
}
