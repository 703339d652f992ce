using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;

namespace NetCourse.Harness.Tcp;

/// <summary>
/// A direction with faults: a reader takes what the sender writes, as fast as it comes, and
/// queues it with its arrival time; a writer groups (merge), cuts (split), paces (bandwidth,
/// delay) and delivers it, or resets the connection at the planned byte. The queue is bounded,
/// so a slow receiver slows the sender down as it would without the proxy.
/// </summary>
internal sealed class ShapingPump(
    Socket source, Socket destination, DirectionFaultSpec spec, DirectionPlan plan,
    TcpDirectionLog log, ConnectionControl control)
{
    private const int ReadBufferSize = 64 * 1024;
    private const int QueuedReads = 64;

    private readonly Queue<Segment> _pending = new();
    private long _pendingBytes;
    private long _delivered;
    private long _lastSendAt;
    private long _bandwidthBusyUntil;
    private long _lastDueAt;

    public async Task RunAsync()
    {
        var queue = Channel.CreateBounded<Segment>(new BoundedChannelOptions(QueuedReads) { SingleWriter = true });
        await Task.WhenAll(ReadAsync(queue.Writer), WriteAsync(queue.Reader)).ConfigureAwait(false);
        while (queue.Reader.TryRead(out var left)) left.Return();
        foreach (var segment in _pending) segment.Return();
    }

    private async Task ReadAsync(ChannelWriter<Segment> queue)
    {
        var ct = control.Stopping;
        long total = 0;
        try
        {
            while (true)
            {
                var size = ReadBufferSize;
                if (spec.StopReadingAfterBytes is { } limit)
                {
                    if (total >= limit)
                    {
                        log.Fault($"stopped reading after {total} bytes");
                        await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                    }
                    size = (int)Math.Min(size, limit - total);
                }

                var buffer = ArrayPool<byte>.Shared.Rent(size);
                int read;
                try { read = await source.ReceiveAsync(buffer.AsMemory(0, size), SocketFlags.None, ct).ConfigureAwait(false); }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    throw;
                }
                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    if (spec.BlackHole)
                    {
                        // A black hole keeps even the end of stream to itself.
                        log.Note("end of stream swallowed");
                        return;
                    }
                    queue.TryComplete();
                    return;
                }
                total += read;
                log.Read(read);
                if (spec.BlackHole)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    continue;
                }
                await queue.WriteAsync(new Segment(buffer, read, Stopwatch.GetTimestamp()), ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (PumpErrors.IsEndOfConnection(e, ct))
        {
            // Reset first: a broken sender must never look like a clean end of stream downstream.
            PumpErrors.Report(e, log, control);
            queue.TryComplete(e);
        }
    }

    private async Task WriteAsync(ChannelReader<Segment> queue)
    {
        var ct = control.Stopping;
        try
        {
            while (await NextGroupAsync(queue, ct).ConfigureAwait(false) is { } group)
            {
                try
                {
                    await WaitUntilAsync(group.DueAt, ct).ConfigureAwait(false);
                    if (!await DeliverAsync(group.Bytes.AsMemory(0, group.Length), ct).ConfigureAwait(false)) return;
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(group.Bytes);
                }
            }
            destination.Shutdown(SocketShutdown.Send);
            log.EndOfStream();
        }
        catch (Exception e) when (PumpErrors.IsEndOfConnection(e, ct))
        {
            PumpErrors.Report(e, log, control);
        }
    }

    private readonly record struct Group(byte[] Bytes, int Length, long DueAt);

    /// <summary>The next bytes to deliver together, or null at the end of the stream.</summary>
    private async Task<Group?> NextGroupAsync(ChannelReader<Segment> queue, CancellationToken ct)
    {
        var bytesWanted = spec.MergesBytes ? plan.NextMergeAfter(_delivered) - _delivered : 1;
        var writes = 0;
        bool Enough() => _pendingBytes > 0
            && (spec.MergesWrites ? writes >= spec.MergeWrites : _pendingBytes >= bytesWanted);

        while (!Enough())
        {
            if (queue.TryRead(out var segment))
            {
                _pending.Enqueue(segment);
                _pendingBytes += segment.Remaining;
                writes++;
                continue;
            }
            // Merging waits for company, but only so long: a held request must not deadlock.
            var mayFlush = _pendingBytes > 0;
            if (!await WaitForMoreAsync(queue, mayFlush, ct).ConfigureAwait(false))
            {
                if (!mayFlush) return null;
                log.Note(queue.Completion.IsCompleted ? "end of stream: flushing held bytes" : "idle: flushing held bytes");
                break;
            }
        }

        var take = (int)(spec.MergesBytes ? Math.Min(_pendingBytes, bytesWanted) : _pendingBytes);
        var bytes = ArrayPool<byte>.Shared.Rent(take);
        var copied = 0;
        long arrivedAt = 0;
        while (copied < take)
        {
            var head = _pending.Peek();
            var n = Math.Min(head.Remaining, take - copied);
            head.Span[..n].CopyTo(bytes.AsSpan(copied));
            arrivedAt = Math.Max(arrivedAt, head.ArrivedAt);
            head.Consume(n);
            copied += n;
            if (head.Remaining == 0) _pending.Dequeue().Return();
        }
        _pendingBytes -= take;

        // Delay is latency: counted from arrival, and never reordering the stream.
        var dueAt = arrivedAt + (long)(plan.NextDelay().TotalSeconds * Stopwatch.Frequency);
        _lastDueAt = Math.Max(_lastDueAt, dueAt);
        return new Group(bytes, take, _lastDueAt);
    }

    /// <summary>Waits for the next read; false at the end of the stream or, when
    /// <paramref name="mayFlush"/>, after the merge's idle time.</summary>
    private async Task<bool> WaitForMoreAsync(ChannelReader<Segment> queue, bool mayFlush, CancellationToken ct)
    {
        if (!mayFlush) return await queue.WaitToReadAsync(ct).ConfigureAwait(false);
        if (queue.Completion.IsCompleted) return false;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(spec.MergeFlushAfter);
        try { return await queue.WaitToReadAsync(idle.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return false; }
    }

    /// <summary>Sends one group in its pieces; false once the connection has been reset.</summary>
    private async Task<bool> DeliverAsync(ReadOnlyMemory<byte> group, CancellationToken ct)
    {
        while (!group.IsEmpty)
        {
            var length = group.Length;
            if (spec.Splits) length = (int)Math.Min(length, plan.NextSplitAfter(_delivered) - _delivered);
            if (spec.BytesPerSecond > 0) length = (int)Math.Min(length, Math.Max(1, spec.BytesPerSecond / 100));

            if (spec.ResetAfterBytes is { } resetAt && _delivered + length >= resetAt)
            {
                var last = (int)(resetAt - _delivered);
                if (last > 0) await SendAsync(group[..last], ct).ConfigureAwait(false);
                log.Fault($"reset after {resetAt} bytes");
                control.Reset();
                return false;
            }

            await SendAsync(group[..length], ct).ConfigureAwait(false);
            group = group[length..];
        }
        return true;
    }

    private async Task SendAsync(ReadOnlyMemory<byte> piece, CancellationToken ct)
    {
        // Back-to-back sends merge in the receiver's buffer; a gap keeps split pieces apart, and
        // waiting until the receiver has read the last piece keeps them apart on a busy machine.
        if (spec.Splits && _lastSendAt != 0)
        {
            await WaitUntilAsync(_lastSendAt + (long)(spec.SplitGap.TotalSeconds * Stopwatch.Frequency), ct).ConfigureAwait(false);
            await WaitForReceiverAsync(ct).ConfigureAwait(false);
        }
        if (spec.BytesPerSecond > 0)
        {
            await WaitUntilAsync(_bandwidthBusyUntil, ct).ConfigureAwait(false);
            _bandwidthBusyUntil = Math.Max(Stopwatch.GetTimestamp(), _bandwidthBusyUntil)
                + piece.Length * Stopwatch.Frequency / spec.BytesPerSecond;
        }
        await destination.SendAsync(piece, SocketFlags.None, ct).ConfigureAwait(false);
        _lastSendAt = Stopwatch.GetTimestamp();
        _delivered += piece.Length;
        log.Delivered(piece.Length);
    }

    // A receiver that reads gets plenty of time to be scheduled; one that does not read (it is
    // busy writing, say) costs that wait once, then only a short one per piece until it reads again.
    private static readonly TimeSpan PatientWait = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ShortWait = TimeSpan.FromMilliseconds(2);
    private bool _receiverIdle;

    private async Task WaitForReceiverAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var patience = _receiverIdle ? ShortWait : PatientWait;
        while (PeerBacklog.Of(destination) is > 0 and var unread)
        {
            if (Stopwatch.GetElapsedTime(started) >= patience)
            {
                if (!_receiverIdle) log.Note($"the receiver left {unread} B unread for {patience.TotalMilliseconds:0} ms: pieces may merge");
                _receiverIdle = true;
                return;
            }
            await Task.Delay(1, ct).ConfigureAwait(false);
        }
        _receiverIdle = false;
    }

    private static Task WaitUntilAsync(long timestamp, CancellationToken ct)
    {
        var wait = timestamp - Stopwatch.GetTimestamp();
        // Task.Delay truncates to whole milliseconds: round up, or a 0.9 ms gap would be no gap.
        return wait <= 0 ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait * 1000.0 / Stopwatch.Frequency)), ct);
    }
}
