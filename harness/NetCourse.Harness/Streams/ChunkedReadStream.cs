namespace NetCourse.Harness.Streams;

/// <summary>
/// Wraps a stream so each read returns at most what <see cref="ReadSizes"/> allows: a decoder
/// under test meets exact, repeatable read sizes (one byte, halves, a cycle), with no sockets
/// and no timing. Writes pass straight through.
/// <code>var stream = new ChunkedReadStream(new MemoryStream(frame), ReadSizes.OneByte);</code>
/// </summary>
public sealed class ChunkedReadStream(Stream inner, ReadSizes sizes, bool leaveOpen = false) : Stream
{
    private long _reads;

    /// <summary>How many reads returned data so far.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return inner.Read(buffer);
        var read = inner.Read(buffer[..Limit(buffer.Length)]);
        if (read > 0) Interlocked.Increment(ref _reads);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        var read = await inner.ReadAsync(buffer[..Limit(buffer.Length)], cancellationToken).ConfigureAwait(false);
        if (read > 0) Interlocked.Increment(ref _reads);
        return read;
    }

    private int Limit(int requested) => Math.Clamp(sizes.Limit(Reads, requested), 1, requested);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override bool CanRead => inner.CanRead;
    public override bool CanWrite => inner.CanWrite;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!leaveOpen) await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
