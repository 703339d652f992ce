using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;

namespace NetCourse.Lesson06;

/// <summary>One client's session: read a line, answer it, until STOP, an error, a timeout or shutdown.</summary>
internal sealed class ClientConnection(
    Socket socket, LineHandler handler, LineServerOptions options, TimeProvider time,
    CancellationToken stopping, CancellationToken aborting)
{
    // Small reads, and zero-byte reads while waiting: an idle connection holds no buffer at all,
    // and a line never costs more than MaxLineLength plus one read.
    private static readonly StreamPipeReaderOptions ReaderOptions =
        new(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true, useZeroByteReads: true);

    public static byte[] Encode(string line) => Encoding.UTF8.GetBytes(line + "\n");

    /// <summary>Serves the connection to its end, then closes it. Never throws: a client that
    /// vanishes mid-line is an ordinary end of a session, not an error of the server, and a
    /// handler that fails is reported to <see cref="LineServerOptions.HandlerFailed"/>.</summary>
    public async Task RunAsync()
    {
        var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream, ReaderOptions);
        var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        // Closing the socket is the one thing that interrupts every pending read and write.
        using var abort = aborting.UnsafeRegister(static s => ((Socket)s!).Dispose(), socket);
        try
        {
            // Each answer goes out as soon as it is written: without this, Nagle's algorithm holds
            // the second of two answers to one read (a client that sends several lines at once)
            // until the client ACKs the first, which a delayed ACK makes up to 40 ms.
            socket.NoDelay = true;
            await ServeLinesAsync(reader, writer).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Reset by the client, or aborted by a shutdown out of time.
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            try
            {
                // Every answer was flushed already; completing can still meet a dead socket.
                await writer.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
            }
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ServeLinesAsync(PipeReader reader, PipeWriter writer)
    {
        // One timer for the whole session, re-armed before each read: the idle timeout while no
        // line has started, the rest of the read timeout once one has (so a client dripping one
        // byte at a time cannot hold the connection for ever: slowloris). Shutdown cancels it too.
        using var timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var stop = stopping.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), timeout);
        // When it fires, the pending read returns IsCanceled. Registered once for the session,
        // where ReadAsync(timeout.Token) would register and unregister on every read.
        using var cancelRead = timeout.Token.UnsafeRegister(static r => ((PipeReader)r!).CancelPendingRead(), reader);
        long? lineStarted = null;

        while (true)
        {
            timeout.CancelAfter(lineStarted is { } started
                ? Max(options.ReadTimeout - time.GetElapsedTime(started), TimeSpan.Zero)
                : options.IdleTimeout);

            var result = await reader.ReadAsync().ConfigureAwait(false);
            if (result.IsCanceled)
            {
                // Shutdown closes a connection that waits for a request without a word: it has
                // nothing in progress. A timeout says why before closing.
                if (!stopping.IsCancellationRequested)
                    await SendAsync(writer, lineStarted is null ? LineProtocol.IdleTimeout : LineProtocol.ReadTimeout).ConfigureAwait(false);
                return;
            }
            timeout.CancelAfter(Timeout.InfiniteTimeSpan);

            var (buffer, ended, answeredAny) = await AnswerLinesAsync(writer, result.Buffer).ConfigureAwait(false);
            // Whatever is left is the start of the next line.
            if (buffer.IsEmpty) lineStarted = null;
            else if (answeredAny || lineStarted is null) lineStarted = time.GetTimestamp();
            reader.AdvanceTo(buffer.Start, buffer.End);

            if (ended || result.IsCompleted || stopping.IsCancellationRequested) return;
        }
    }

    // Answers every complete line in the buffer. Returns what is left of it (the start of the
    // next line), whether the session is over, and whether any line was answered.
    private async ValueTask<(ReadOnlySequence<byte> Remaining, bool Ended, bool AnsweredAny)> AnswerLinesAsync(
        PipeWriter writer, ReadOnlySequence<byte> buffer)
    {
        var answered = false;
        while (true)
        {
            switch (LineProtocol.TryReadLine(ref buffer, options.MaxLineLength, out var line))
            {
                case LineRead.NeedMore:
                    return (buffer, false, answered);
                case LineRead.TooLong:
                    // Refuse it instead of buffering it: memory stays bounded by MaxLineLength.
                    await SendAsync(writer, LineProtocol.LineTooLong).ConfigureAwait(false);
                    return (buffer, true, answered);
            }

            var request = Encoding.UTF8.GetString(line);
            answered = true;
            if (request == LineProtocol.Stop)
            {
                await SendAsync(writer, LineProtocol.Bye).ConfigureAwait(false);
                return (buffer, true, answered);
            }
            string answer;
            try
            {
                answer = await AnswerAsync(request).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && aborting.IsCancellationRequested))
            {
                // The handler's bug, not the client's: report it, close this connection (its
                // session is in an unknown state), and let every other connection carry on.
                options.HandlerFailed?.Invoke(e);
                return (buffer, true, answered);
            }
            await SendAsync(writer, answer).ConfigureAwait(false);
            // Shutdown lets the line in progress finish, not the ones queued behind it.
            if (stopping.IsCancellationRequested) return (buffer, true, answered);
        }
    }

    private async ValueTask<string> AnswerAsync(string request)
    {
        var answer = handler(request, aborting);
        if (answer.IsCompletedSuccessfully) return answer.Result;
        // A handler that ignores its token must not hold a shutdown past its deadline.
        return await answer.AsTask().WaitAsync(aborting).ConfigureAwait(false);
    }

    private static async ValueTask SendAsync(PipeWriter writer, string line)
    {
        var bytes = Encoding.UTF8.GetByteCount(line) + 1;
        var span = writer.GetSpan(bytes);
        var written = Encoding.UTF8.GetBytes(line, span);
        span[written] = (byte)'\n';
        writer.Advance(written + 1);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
