using System.IO.Pipelines;
using System.Net.Sockets;

namespace NetCourse.Harness.Tcp;

/// <summary>
/// A direction without faults, built so a clean proxy is never the bottleneck: a receive loop
/// fills a pipe while a send loop drains it, so reading from one peer overlaps writing to the
/// other. Both pipe schedulers are inline: a read is sent on the thread that received it, with no
/// extra thread-pool hop, which keeps the added round-trip latency small. The sender's end of
/// stream becomes a half-close; a broken side resets the connection.
/// </summary>
internal static class PassthroughPump
{
    private const int ReceiveSize = 256 * 1024;

    private static readonly PipeOptions Options = new(
        readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline,
        pauseWriterThreshold: 4 * 1024 * 1024, resumeWriterThreshold: 2 * 1024 * 1024,
        minimumSegmentSize: ReceiveSize, useSynchronizationContext: false);

    public static Task RunAsync(Socket source, Socket destination, TcpDirectionLog log, ConnectionControl control)
    {
        var pipe = new Pipe(Options);
        return Task.WhenAll(ReceiveAsync(source, pipe.Writer, log, control), SendAsync(destination, pipe.Reader, log, control));
    }

    private static async Task ReceiveAsync(Socket source, PipeWriter pipe, TcpDirectionLog log, ConnectionControl control)
    {
        var ct = control.Stopping;
        try
        {
            while (true)
            {
                var read = await source.ReceiveAsync(pipe.GetMemory(ReceiveSize), SocketFlags.None, ct).ConfigureAwait(false);
                if (read == 0) break;
                log.Read(read);
                pipe.Advance(read);
                // Back-pressure: waits while a megabyte is queued for a receiver that reads slowly.
                var flushed = await pipe.FlushAsync(ct).ConfigureAwait(false);
                if (flushed.IsCompleted) break;
            }
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (PumpErrors.IsEndOfConnection(e, ct))
        {
            PumpErrors.Report(e, log, control);
            await pipe.CompleteAsync(e).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(Socket destination, PipeReader pipe, TcpDirectionLog log, ConnectionControl control)
    {
        var ct = control.Stopping;
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync(ct).ConfigureAwait(false);
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await destination.SendAsync(segment, SocketFlags.None, ct).ConfigureAwait(false);
                    log.Delivered(segment.Length);
                }
                pipe.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    destination.Shutdown(SocketShutdown.Send);
                    log.EndOfStream();
                    break;
                }
            }
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (PumpErrors.IsEndOfConnection(e, ct))
        {
            PumpErrors.Report(e, log, control);
            await pipe.CompleteAsync(e).ConfigureAwait(false);
        }
    }
}
