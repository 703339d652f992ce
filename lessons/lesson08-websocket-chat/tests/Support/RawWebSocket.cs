using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NetCourse.Lesson08.Tests.Support;

/// <summary>
/// A WebSocket client written on a bare socket, for what <see cref="ClientWebSocket"/> does for
/// you and a test must control: the raw handshake, seeing ping frames, never answering them,
/// never reading at all.
/// </summary>
public sealed class RawWebSocket : IAsyncDisposable
{
    public const int Ping = 0x9, Pong = 0xA, Close = 0x8, Text = 0x1, Binary = 0x2;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private Task? _discarding;

    private RawWebSocket(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Connects, sends <paramref name="request"/> as it is, and returns the client with the
    /// server's response head (status line and header fields).</summary>
    public static async Task<(RawWebSocket Client, string ResponseHead)> SendHandshakeAsync(Uri server, string request, int receiveBufferSize = 0)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // Set before connecting, so the window the client advertises is small from the start.
        if (receiveBufferSize > 0) socket.ReceiveBufferSize = receiveBufferSize;
        using var deadline = Deadline.Start();
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, server.Port, deadline.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var client = new RawWebSocket(socket);
        try
        {
            await client._stream.WriteAsync(Requests.Bytes(request), deadline.Token);
            return (client, await client.ReadHeadAsync(deadline.Token));
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Joins <paramref name="room"/> through a hand-made handshake; fails unless the answer is 101.</summary>
    public static async Task<RawWebSocket> JoinAsync(Uri server, string room, string nick, int receiveBufferSize = 0)
    {
        var target = ChatNames.ChatUri(server, room, nick).PathAndQuery;
        var (client, head) = await SendHandshakeAsync(server, Requests.ForServer(server, target), receiveBufferSize);
        if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            await client.DisposeAsync();
            throw new ShouldAssertException($"The server refused a valid handshake: {head.Split("\r\n")[0]}");
        }
        return client;
    }

    /// <summary>The status code of a response head.</summary>
    public static int StatusOf(string head) => int.Parse(head.Split(' ')[1]);

    /// <summary>The next frame from the server (servers do not mask): its opcode and payload.</summary>
    public async Task<(int Opcode, byte[] Payload)> ReadFrameAsync(TimeSpan? deadline = null)
    {
        using var limit = Deadline.Start(deadline);
        var header = await ReadExactlyAsync(2, limit.Token);
        var opcode = header[0] & 0x0F;
        long length = header[1] & 0x7F;
        if (length == 126) length = BinaryPrimitives.ReadUInt16BigEndian(await ReadExactlyAsync(2, limit.Token));
        else if (length == 127) length = (long)BinaryPrimitives.ReadUInt64BigEndian(await ReadExactlyAsync(8, limit.Token));
        return (opcode, await ReadExactlyAsync((int)length, limit.Token));
    }

    /// <summary>Sends one frame, masked as a client must.</summary>
    public async Task SendFrameAsync(int opcode, byte[] payload, bool fin = true)
    {
        var frame = new List<byte> { (byte)((fin ? 0x80 : 0) | opcode) };
        if (payload.Length < 126) frame.Add((byte)(0x80 | payload.Length));
        else
        {
            frame.Add(0x80 | 126);
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }
        var mask = RandomNumberGenerator.GetBytes(4);
        frame.AddRange(mask);
        frame.AddRange(payload.Select((b, i) => (byte)(b ^ mask[i % 4])));
        using var deadline = Deadline.Start();
        await _stream.WriteAsync(frame.ToArray(), deadline.Token);
    }

    /// <summary>True once the server has closed or reset the TCP connection (it reads and drops any data).</summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan? deadline = null)
    {
        using var limit = Deadline.Start(deadline);
        var buffer = new byte[16 * 1024];
        try
        {
            while (await _stream.ReadAsync(buffer, limit.Token) > 0) { }
            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Reads and throws away everything from now on, in the background: a member that
    /// keeps up with the room but whose messages the test does not look at.</summary>
    public void DiscardIncoming() => _discarding = Task.Run(async () =>
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await _stream.ReadAsync(buffer) > 0) { }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    });

    private async Task<string> ReadHeadAsync(CancellationToken token)
    {
        var head = new List<byte>();
        var one = new byte[1];
        // Byte by byte: what follows the head (the first frames) must stay unread.
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await _stream.ReadAsync(one, token) == 0)
                throw new ShouldAssertException($"The server closed the connection before the end of its response head: \"{Encoding.Latin1.GetString(head.ToArray())}\"");
            head.Add(one[0]);
        }
        return Encoding.Latin1.GetString(head.ToArray());
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken token)
    {
        var bytes = new byte[count];
        try
        {
            await _stream.ReadExactlyAsync(bytes, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw new DeadlineExceededException("The server sent no (complete) frame within the deadline.");
        }
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        // Linger 0: a reset, so the server never waits on this test's socket.
        _socket.LingerState = new LingerOption(true, 0);
        await _stream.DisposeAsync();
        if (_discarding is not null) await _discarding.WithDeadline(what: "the discarding reader ending");
    }
}
