using System.Buffers;
using System.IO.Pipelines;

namespace NetCourse.Harness.Streams;

/// <summary>
/// Two connected in-memory streams, like the two ends of a TCP connection: what one writes the
/// other reads, in order, with back-pressure (a writer blocks while 64 KiB are unread). Protocol
/// code is tested here first, then over sockets.
/// <code>var (client, server) = DuplexStream.CreatePair();</code>
/// Disposing one end, or <see cref="CompleteWrites"/> (a half-close), gives the other end an end
/// of stream; <see cref="Abort"/> gives it an <see cref="IOException"/>, as a reset would.
/// </summary>
public sealed class DuplexStream : Stream
{
    private readonly PipeReader _input;
    private readonly PipeWriter _output;

    private DuplexStream(PipeReader input, PipeWriter output)
    {
        _input = input;
        _output = output;
    }

    public static (DuplexStream Client, DuplexStream Server) CreatePair(long unreadLimit = 64 * 1024)
    {
        var options = new PipeOptions(pauseWriterThreshold: unreadLimit, resumeWriterThreshold: unreadLimit / 2,
            useSynchronizationContext: false);
        var clientToServer = new Pipe(options);
        var serverToClient = new Pipe(options);
        return (new DuplexStream(serverToClient.Reader, clientToServer.Writer),
                new DuplexStream(clientToServer.Reader, serverToClient.Writer));
    }

    /// <summary>Half-close: the peer reads to the end of what was written, then an end of stream;
    /// this end can still read.</summary>
    public void CompleteWrites() => _output.Complete();

    /// <summary>Breaks the connection: the peer's reads throw an <see cref="IOException"/>
    /// ("connection reset"), and this end is closed.</summary>
    public void Abort()
    {
        _output.Complete(new IOException("The in-memory connection was reset by its peer."));
        _input.Complete();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var available = result.Buffer;
            if (!available.IsEmpty)
            {
                var count = (int)Math.Min(available.Length, buffer.Length);
                available.Slice(0, count).CopyTo(buffer.Span);
                _input.AdvanceTo(available.GetPosition(count));
                return count;
            }
            _input.AdvanceTo(available.Start);
            if (result.IsCompleted) return 0;
            if (result.IsCanceled) throw new OperationCanceledException(cancellationToken);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // WriteAsync flushes: the peer sees every write at once, as it would after a send.
        var result = await _output.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (result.IsCompleted) throw new IOException("The in-memory connection's peer has closed its reading side.");
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override int Read(Span<byte> buffer)
    {
        var rented = new byte[buffer.Length];
        var read = Read(rented, 0, rented.Length);
        rented.AsSpan(0, read).CopyTo(buffer);
        return read;
    }
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _output.Complete();
            _input.Complete();
        }
        base.Dispose(disposing);
    }
}
