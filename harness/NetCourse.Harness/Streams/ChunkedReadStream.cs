namespace NetCourse.Harness.Streams;

/// <summary>
/// Wraps a stream so each read returns at most what <see cref="ReadSizes"/> allows: a decoder
/// under test meets exact, repeatable read sizes (one byte, halves, a cycle), with no sockets
/// and no timing. Writes pass straight through.
/// <code>var stream = new ChunkedReadStream(new MemoryStream(frame), ReadSizes.OneByte);</code>
/// </summary>
public sealed class ChunkedReadStream(Stream inner, ReadSizes sizes, bool leaveOpen = false) : ForwardingStream(inner, leaveOpen)
{
    private long _reads;

    /// <summary>How many reads returned data so far.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return Inner.Read(buffer);
        var read = Inner.Read(buffer[..Limit(buffer.Length)]);
        if (read > 0) Interlocked.Increment(ref _reads);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        var read = await Inner.ReadAsync(buffer[..Limit(buffer.Length)], cancellationToken).ConfigureAwait(false);
        if (read > 0) Interlocked.Increment(ref _reads);
        return read;
    }

    private int Limit(int requested) => Math.Clamp(sizes.Limit(Reads, requested), 1, requested);
}
