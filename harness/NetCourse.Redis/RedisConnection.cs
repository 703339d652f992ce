using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace NetCourse.Redis;

/// <summary>
/// One connection to a Redis server, shared by any number of concurrent callers. Commands are
/// pipelined: a writer loop sends them in the order they were issued, without waiting for
/// replies, and a reader loop hands each reply to the oldest command still waiting — RESP
/// answers strictly in order, so that is all the matching a client needs.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private sealed record PendingCommand(IReadOnlyList<string> CommandAndArgs, TaskCompletionSource<RespValue> Reply);

    private readonly Socket _socket;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Channel<PendingCommand> _outbox = Channel.CreateUnbounded<PendingCommand>(new() { SingleReader = true });
    // Commands already written, oldest first: the next reply belongs to the head of this queue.
    private readonly ConcurrentQueue<PendingCommand> _awaitingReply = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writing;
    private readonly Task _reading;
    private Exception? _failure;
    private int _disposed;

    private RedisConnection(Socket socket, RedisEndPoint endPoint)
    {
        _socket = socket;
        EndPoint = endPoint;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _input = PipeReader.Create(stream);
        _output = PipeWriter.Create(stream);
        _writing = Task.Run(WriteLoopAsync);
        _reading = Task.Run(ReadLoopAsync);
    }

    public RedisEndPoint EndPoint { get; }

    public static Task<RedisConnection> ConnectAsync(string url, CancellationToken cancellationToken = default) =>
        ConnectAsync(RedisEndPoint.Parse(url), cancellationToken);

    public static Task<RedisConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default) =>
        endPoint switch
        {
            IPEndPoint ip => ConnectAsync(new RedisEndPoint(ip.Address.ToString(), ip.Port), cancellationToken),
            DnsEndPoint dns => ConnectAsync(new RedisEndPoint(dns.Host, dns.Port), cancellationToken),
            _ => throw new ArgumentException($"Cannot connect to Redis at {endPoint}: use an IP or DNS end point.", nameof(endPoint)),
        };

    public static async Task<RedisConnection> ConnectAsync(RedisEndPoint endPoint, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint.Host, endPoint.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new RedisConnectionException($"Cannot connect to Redis at {endPoint}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new RedisConnection(socket, endPoint);
        try
        {
            if (endPoint.Password is not null)
            {
                string[] auth = endPoint.User is null ? ["AUTH", endPoint.Password] : ["AUTH", endPoint.User, endPoint.Password];
                await connection.ExecuteAsync(auth, cancellationToken).ConfigureAwait(false);
            }
            if (endPoint.Database != 0)
                await connection.ExecuteAsync(["SELECT", endPoint.Database.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends <c>command args…</c> and returns its reply; an error reply throws <see cref="RedisException"/>.</summary>
    public Task<RespValue> ExecuteAsync(string command, params string[] args) => ExecuteAsync([command, .. args]);

    /// <summary>
    /// Sends one command and returns its reply. Cancelling stops the wait, not the command: once
    /// queued it is sent, and its reply is read and discarded, so the replies of later commands
    /// stay matched.
    /// </summary>
    public Task<RespValue> ExecuteAsync(IReadOnlyList<string> commandAndArgs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commandAndArgs);
        if (commandAndArgs.Count == 0) throw new ArgumentException("A Redis command needs at least its name.", nameof(commandAndArgs));
        var pending = new PendingCommand(commandAndArgs, new TaskCompletionSource<RespValue>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_outbox.Writer.TryWrite(pending)) return Task.FromException<RespValue>(Failure());
        return cancellationToken.CanBeCanceled ? pending.Reply.Task.WaitAsync(cancellationToken) : pending.Reply.Task;
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            var reader = _outbox.Reader;
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                // Write everything already queued, then flush once: many commands, few system calls.
                while (reader.TryRead(out var command))
                {
                    // Queued before it is written, so its reply can never arrive before the reader knows whose it is.
                    _awaitingReply.Enqueue(command);
                    RespWriter.WriteCommand(_output, command.CommandAndArgs);
                    if (_output.CanGetUnflushedBytes && _output.UnflushedBytes > 64 * 1024)
                        await _output.FlushAsync(_stopping.Token).ConfigureAwait(false);
                }
                await _output.FlushAsync(_stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            RecordFailure(e);
            // Wake the reader, which owns failing the commands still waiting.
            _stopping.Cancel();
            try { _socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(_stopping.Token).ConfigureAwait(false);
                var consumed = DeliverReplies(result.Buffer);
                // Tell the pipe what was used (whole replies) and that everything was looked at,
                // so the next read waits for new bytes instead of returning the same partial reply.
                _input.AdvanceTo(consumed, result.Buffer.End);
                if (result.IsCompleted) throw new RedisConnectionException($"Redis at {EndPoint} closed the connection.");
            }
        }
        catch (Exception e)
        {
            RecordFailure(e);
        }
        finally
        {
            _outbox.Writer.TryComplete();
            _stopping.Cancel();
            await _writing.ConfigureAwait(false);
            var failure = Failure();
            while (_outbox.Reader.TryRead(out var queued)) queued.Reply.TrySetException(failure);
            while (_awaitingReply.TryDequeue(out var sent)) sent.Reply.TrySetException(failure);
        }
    }

    private SequencePosition DeliverReplies(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (RespParser.TryRead(ref reader, out var reply))
        {
            if (!_awaitingReply.TryDequeue(out var command))
                throw new RedisConnectionException($"Redis at {EndPoint} sent a reply no command asked for: {reply}.");
            if (reply.Kind == RespKind.Error) command.Reply.TrySetException(new RedisException(reply.AsString()!));
            else command.Reply.TrySetResult(reply);
        }
        return reader.Position;
    }

    private void RecordFailure(Exception e)
    {
        Exception failure = e switch
        {
            RedisConnectionException known => known,
            OperationCanceledException when Volatile.Read(ref _disposed) == 1 => new RedisConnectionException($"The connection to Redis at {EndPoint} was closed by its owner."),
            _ => new RedisConnectionException($"The connection to Redis at {EndPoint} broke: {e.Message}", e),
        };
        Interlocked.CompareExchange(ref _failure, failure, null);
    }

    private Exception Failure() =>
        Volatile.Read(ref _failure) ?? new RedisConnectionException($"The connection to Redis at {EndPoint} is closed.");

    /// <summary>Waits (briefly) for the replies of commands already sent, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            // Replies come in order: once this PING is answered, every earlier command has its reply.
            await ExecuteAsync(["PING"]).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisException or TimeoutException) { }
        _outbox.Writer.TryComplete();
        _stopping.Cancel();
        try { _socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        await _reading.ConfigureAwait(false);
        await _input.CompleteAsync().ConfigureAwait(false);
        await _output.CompleteAsync().ConfigureAwait(false);
        _socket.Dispose();
        _stopping.Dispose();
    }
}
