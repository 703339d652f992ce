using System.Net;
using System.Net.Sockets;
using NetCourse.Lesson08;

const string usage = """
    Usage: RUN [--port P] [--max-message-bytes N] [--send-queue N] [--keep-alive S]
      Your ChatServer and its page on http://127.0.0.1:P/ (default 9008; 0 picks a free port).
      Pages served from http://127.0.0.1:P and http://localhost:P may connect (the origin check);
      the other limits default to ChatServerOptions' defaults.

    """;

return await LessonProgram.RunAsync(args, usage, async (arguments, run) =>
{
    var defaults = new ChatServerOptions();
    run.Port = arguments.Port(9008);
    // The origin list names the port, so it must be known before the server starts.
    var port = run.Port.Value == 0 ? FreePort() : run.Port.Value;
    var options = new ChatServerOptions
    {
        EndPoint = new IPEndPoint(IPAddress.Loopback, port),
        AllowedOrigins = [$"http://127.0.0.1:{port}", $"http://localhost:{port}"],
        MaxMessageBytes = arguments.Int("--max-message-bytes", defaults.MaxMessageBytes),
        SendQueueCapacity = arguments.Int("--send-queue", defaults.SendQueueCapacity),
        KeepAliveInterval = arguments.Seconds("--keep-alive", defaults.KeepAliveInterval.TotalSeconds),
    };
    if (arguments.Positionals().Count > 0) throw new UsageError("lesson08 takes options only.");

    await using var server = new ChatServer(options);
    var address = await server.StartAsync(run.Stop);
    var http = $"http://127.0.0.1:{address.Port}";
    run.Listening("lesson08 chat server", http + "/",
        ($"{http}/?room=lobby", "in a browser, two tabs: pick nicknames, join, chat; closing a tab shows 'left'"),
        ($"curl -s {http}/ | head -n 3", "the chat page's first lines (<!doctype html>…)"),
        ($"curl -si --max-time 2 -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' '{http}/chat?room=lobby&nick=curl'",
            "HTTP/1.1 101 Switching Protocols, Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo= (RFC 6455's example), then the joined notice as a frame"),
        ($"npx wscat -c 'ws://127.0.0.1:{address.Port}/chat?room=lobby&nick=ann'", "type {\"text\":\"hello\"}: every member of lobby gets it"));
    await run.WaitForStopAsync();
    run.Output.WriteLine($"Stopping: {server.ConnectedClients} client(s) connected, each told 1001 (going away)…");
    await server.StopAsync();
    run.Output.WriteLine("Stopped.");
    return 0;
});

static int FreePort()
{
    using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    return ((IPEndPoint)probe.LocalEndPoint!).Port;
}
