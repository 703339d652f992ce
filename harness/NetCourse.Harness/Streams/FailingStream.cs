namespace NetCourse.Harness.Streams;

/// <summary>
/// Wraps a stream so it breaks after a number of bytes, as a connection reset does mid-transfer
/// (Go's <c>iotest.ErrReader</c>, and more): reads return data up to <c>readBytes</c>, then the
/// next read throws; writes accept up to <c>writeBytes</c> (the last one partly), then throw.
/// The error is an <see cref="IOException"/> unless the test supplies its own.
/// </summary>
public sealed class FailingStream(Stream inner, long? readBytes = null, long? writeBytes = null,
    Func<Exception>? error = null, bool leaveOpen = false) : ForwardingStream(inner, leaveOpen)
{
    private long _read, _written;

    public static FailingStream FailReadsAfter(Stream inner, long bytes, Func<Exception>? error = null) =>
        new(inner, readBytes: bytes, error: error);

    public static FailingStream FailWritesAfter(Stream inner, long bytes, Func<Exception>? error = null) =>
        new(inner, writeBytes: bytes, error: error);

    public override int Read(Span<byte> buffer)
    {
        var allowed = Allowed(readBytes, _read, buffer.Length, "read");
        var read = Inner.Read(buffer[..allowed]);
        _read += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var allowed = Allowed(readBytes, _read, buffer.Length, "read");
        var read = await Inner.ReadAsync(buffer[..allowed], cancellationToken).ConfigureAwait(false);
        _read += read;
        return read;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var allowed = Allowed(writeBytes, _written, buffer.Length, "write");
        Inner.Write(buffer[..allowed]);
        _written += allowed;
        if (allowed < buffer.Length) throw Error("write");
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var allowed = Allowed(writeBytes, _written, buffer.Length, "write");
        await Inner.WriteAsync(buffer[..allowed], cancellationToken).ConfigureAwait(false);
        _written += allowed;
        if (allowed < buffer.Length) throw Error("write");
    }

    /// <summary>How much of a request may go through; throws once the limit is used up.</summary>
    private int Allowed(long? limit, long done, int requested, string operation)
    {
        if (limit is not { } max) return requested;
        if (done >= max && requested > 0) throw Error(operation);
        return (int)Math.Min(requested, max - done);
    }

    private Exception Error(string operation) =>
        error?.Invoke() ?? new IOException($"Injected failure: the {operation} after byte {(operation == "read" ? _read : _written)} broke (as a connection reset would).");
}
