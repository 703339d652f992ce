using NetCourse.Harness.Servers;

namespace NetCourse.Lesson10.Tests.Support;

/// <summary>What <see cref="GatewayHostRawBackend"/> does with one request: send these bytes (then close
/// the connection if <paramref name="ThenClose"/>), or, when <see cref="Reset"/>, reset the connection.</summary>
public sealed record RawAnswer(byte[] Bytes, bool ThenClose = false)
{
    public static readonly RawAnswer? Reset = null;

    /// <summary>200 with a body of known length; the connection stays open for the next request.</summary>
    public static RawAnswer Ok(string body = "ok") =>
        new(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n{body}"));
}

/// <summary>
/// An HTTP/1.1 backend written by hand on a raw socket, for what a Kestrel backend hides from a
/// test: when the gateway ends a connection to it, and a reset instead of an answer. It reads each
/// request head (no bodies: the tests send GETs) and answers as the test says.
/// </summary>
public sealed class GatewayHostRawBackend : IAsyncDisposable
{
    private LoopbackTcpServer _server = null!;
    private int _requests;
    private int _probes;
    private int _ended;

    public Uri Address => new($"http://127.0.0.1:{_server.EndPoint.Port}/");

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => _server.Accepted;

    /// <summary>Connections the gateway ended (closed or reset) while this backend waited for a request.</summary>
    public int Ended => Volatile.Read(ref _ended);

    /// <summary>Requests other than health probes.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests for <c>/health</c>.</summary>
    public int Probes => Volatile.Read(ref _probes);

    /// <summary><paramref name="answer"/> gets the number of the request (1, 2, … over every connection,
    /// health probes not counted) and answers it; probes get <see cref="RawAnswer.Ok"/>.</summary>
    public static async Task<GatewayHostRawBackend> StartAsync(Func<int, RawAnswer?> answer)
    {
        var backend = new GatewayHostRawBackend();
        backend._server = await LoopbackTcpServer.StartAsync((socket, token) => backend.ServeAsync(socket, answer, token));
        return backend;
    }

    public BackendConfig Config(string name) => new(name, Address);

    private async Task ServeAsync(Socket socket, Func<int, RawAnswer?> answer, CancellationToken token)
    {
        var pending = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, token);
                if (read == 0) break;
                pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                int end;
                while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                {
                    var head = pending.ToString(0, end);
                    pending.Remove(0, end + 4);
                    RawAnswer? reply;
                    if (head.StartsWith("GET /health ", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _probes);
                        reply = RawAnswer.Ok();
                    }
                    else
                    {
                        reply = answer(Interlocked.Increment(ref _requests));
                    }
                    if (reply is null)
                    {
                        socket.LingerState = new LingerOption(true, 0);
                        socket.Close();
                        return;
                    }
                    await socket.SendAsync(reply.Bytes, SocketFlags.None, token);
                    if (reply.ThenClose) return;
                }
            }
        }
        catch (SocketException)
        {
            // A reset by the gateway ends the connection as surely as a close.
        }
        catch (OperationCanceledException)
        {
            return;   // the test is over and disposes the backend
        }
        Interlocked.Increment(ref _ended);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
