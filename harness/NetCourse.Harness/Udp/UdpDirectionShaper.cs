using System.Net.Sockets;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Udp;

/// <summary>
/// Applies one direction's faults to its datagrams, in the order they arrive: drop, duplicate,
/// hold back (reorder), delay, then send. Delayed and held datagrams are sent by tracked tasks,
/// so the proxy's disposal awaits them.
/// </summary>
internal sealed class UdpDirectionShaper(
    UdpDirectionPlan plan, UdpDirectionSpec spec, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> send,
    UdpDirectionLog log, TaskTracker tracker, CancellationToken ct)
{
    private readonly object _gate = new();
    private int _next;
    private Outgoing? _held;

    private sealed record Outgoing(byte[] Data, int Index, int Copies);

    /// <summary>Called by the one loop that receives this direction, so indices follow arrival order.</summary>
    public async Task ProcessAsync(byte[] datagram)
    {
        var index = _next++;
        log.Arrived(index, datagram.Length);
        if (plan.Drops(index))
        {
            log.WasDropped(index);
            return;
        }
        var copies = plan.Copies(index);
        if (copies > 1) log.WasDuplicated(index, copies);
        var outgoing = new Outgoing(datagram, index, copies);

        if (plan.HoldsBack(index) && TryHold(outgoing))
        {
            log.WasHeldBack(index);
            tracker.Run(() => FlushHeldAsync(outgoing));
            return;
        }

        // A held datagram goes out right after the one that overtook it.
        var batch = TakeHeld() is { } held ? new[] { outgoing, held } : [outgoing];
        var delay = plan.DelayOf(index);
        if (delay <= TimeSpan.Zero) await SendAsync(batch, delay).ConfigureAwait(false);
        else tracker.Run(async () =>
        {
            try { await Task.Delay(delay, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            await SendAsync(batch, delay).ConfigureAwait(false);
        });
    }

    private bool TryHold(Outgoing outgoing)
    {
        lock (_gate)
        {
            if (_held is not null) return false;
            _held = outgoing;
            return true;
        }
    }

    private Outgoing? TakeHeld(Outgoing? only = null)
    {
        lock (_gate)
        {
            var held = _held;
            if (held is null || (only is not null && !ReferenceEquals(held, only))) return null;
            _held = null;
            return held;
        }
    }

    /// <summary>A held datagram nobody overtook is not lost: it goes out after the flush time.</summary>
    private async Task FlushHeldAsync(Outgoing outgoing)
    {
        try { await Task.Delay(spec.ReorderFlush, ct).ConfigureAwait(false); }
        catch (OperationCanceledException) { return; }
        if (TakeHeld(outgoing) is { } held)
        {
            log.Note(FormattableString.Invariant($"#{held.Index} released: nothing overtook it within {spec.ReorderFlush.TotalMilliseconds:0} ms"));
            await SendAsync([held], spec.ReorderFlush).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(Outgoing[] batch, TimeSpan delay)
    {
        foreach (var outgoing in batch)
            for (var copy = 0; copy < outgoing.Copies; copy++)
            {
                try
                {
                    await send(outgoing.Data, ct).ConfigureAwait(false);
                    log.Sent(outgoing.Index, delay);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
                {
                    // UDP promises nothing: a send that fails is one more lost datagram.
                    if (!ct.IsCancellationRequested) log.Note($"#{outgoing.Index} could not be sent: {e.Message}");
                    return;
                }
            }
    }
}
