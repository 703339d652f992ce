using System.Buffers;
using System.Net;
using System.Net.Sockets;
using NetCourse.Harness.Faults;

namespace NetCourse.Harness.Tcp;

/// <summary>One accepted client: connects to the server, runs a pump per direction, and closes
/// both sockets when both directions have ended (or resets both when one breaks).</summary>
internal sealed class ProxiedConnection(
    Socket client, IPEndPoint server, TcpFaults faults, int seed, TcpConnectionLog log, CancellationToken proxyStopping)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public async Task RunAsync()
    {
        using var control = new ConnectionControl(client, proxyStopping);
        client.NoDelay = true;
        try
        {
            if (faults.IsBlackHole)
            {
                log.ClientToServer.Fault("black hole: never connected to the server");
                await SwallowAsync(client, control.Stopping).ConfigureAwait(false);
                return;
            }
            if (!await ConnectAsync(control).ConfigureAwait(false)) return;

            await Task.WhenAll(
                PumpAsync(Direction.ClientToServer, client, control.Server!, control),
                PumpAsync(Direction.ServerToClient, control.Server!, client, control)).ConfigureAwait(false);
        }
        finally
        {
            log.Closing();
        }
    }

    private async Task<bool> ConnectAsync(ConnectionControl control)
    {
        var upstream = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        control.Server = upstream;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(control.Stopping);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await upstream.ConnectAsync(server, timeout.Token).ConfigureAwait(false);
            log.ClientToServer.Note($"connected to the server {server} from {upstream.LocalEndPoint}");
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            if (control.Stopping.IsCancellationRequested) return false;
            // The client cannot be refused after the fact; a reset is the closest it can see.
            log.ClientToServer.Fault($"could not connect to the server {server} ({(e as SocketException)?.SocketErrorCode.ToString() ?? "timed out"}): client reset");
            control.Reset();
            return false;
        }
    }

    private Task PumpAsync(Direction direction, Socket source, Socket destination, ConnectionControl control)
    {
        var spec = faults.SpecFor(direction);
        var directionLog = log.For(direction);
        return spec.IsPassthrough
            ? PassthroughPump.RunAsync(source, destination, directionLog, control)
            : new ShapingPump(source, destination, spec, new DirectionPlan(seed, log.Index, direction, spec), directionLog, control).RunAsync();
    }

    private async Task SwallowAsync(Socket socket, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, ct).ConfigureAwait(false);
                if (read > 0)
                {
                    log.ClientToServer.Note($"swallowed {read} B");
                    continue;
                }
                log.ClientToServer.Note("end of stream swallowed");
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (PumpErrors.IsEndOfConnection(e, ct)) { /* the client went away or the proxy stopped */ }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
