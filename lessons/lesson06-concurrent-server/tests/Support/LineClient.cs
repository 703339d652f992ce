using System.Text;

namespace NetCourse.Lesson06.Tests.Support;

/// <summary>A test client of the line protocol: raw sends, and line reads that never hang.</summary>
public sealed class LineClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private LineClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
    }

    public Socket Socket => _socket;

    public static async Task<LineClient> ConnectAsync(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var deadline = Deadline.Start();
            await socket.ConnectAsync(server, deadline.Token);
            return new LineClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends text as it is (add the "\n" yourself).</summary>
    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        using var deadline = Deadline.Start();
        await _stream.WriteAsync(bytes, deadline.Token);
    }

    /// <summary>The next line from the server, or null when it closed the connection (FIN or reset).</summary>
    public async Task<string?> ReadLineAsync(string? what = null)
    {
        using var deadline = Deadline.Start();
        try
        {
            return await _reader.ReadLineAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new DeadlineExceededException($"The server sent no line ({what ?? "an answer"}) within {Deadline.Standard.TotalSeconds:0} s.");
        }
        catch (IOException)
        {
            return null; // reset by the server: closed
        }
    }

    /// <summary>Every byte the server sends until it closes the connection, as it came (call it before any ReadLineAsync).</summary>
    public async Task<byte[]> ReadToEndAsync(string what)
    {
        using var deadline = Deadline.Start();
        using var received = new MemoryStream();
        try
        {
            await _stream.CopyToAsync(received, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new DeadlineExceededException($"The server did not close the connection ({what}) within {Deadline.Standard.TotalSeconds:0} s.");
        }
        catch (IOException)
        {
            // reset by the server after its last bytes: what arrived is the answer
        }
        return received.ToArray();
    }

    /// <summary>Sends one line and returns the server's one-line answer.</summary>
    public async Task<string> AskAsync(string line)
    {
        await SendAsync(line + "\n");
        var answer = await ReadLineAsync($"the answer to \"{line}\"");
        answer.ShouldNotBeNull($"The server closed the connection instead of answering \"{line}\".");
        return answer;
    }

    /// <summary>Asserts the server closes the connection, with nothing more to read.</summary>
    public async Task ShouldBeClosedByServerAsync(string because)
    {
        string? extra;
        try
        {
            extra = await ReadLineAsync("the end of the connection");
        }
        catch (DeadlineExceededException)
        {
            throw new ShouldAssertException($"The server did not close the connection: {because}");
        }
        extra.ShouldBeNull($"The server sent \"{extra}\" where it should close the connection: {because}");
    }

    /// <summary>True while nothing (no line, no close) has arrived from the server.</summary>
    public bool NothingReceived => !_socket.Poll(0, SelectMode.SelectRead);

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }
}
