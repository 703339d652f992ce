using System.Net.Sockets;

namespace NetCourse.Harness.Tcp;

/// <summary>How a pump ends when a socket breaks under it: a peer's reset or error is passed on
/// as a reset of the whole connection, as a transparent proxy would; a stop is quiet.</summary>
internal static class PumpErrors
{
    public static bool IsEndOfConnection(Exception e, CancellationToken ct) =>
        e is SocketException or ObjectDisposedException or IOException
        || (e is OperationCanceledException && ct.IsCancellationRequested);

    public static void Report(Exception e, TcpDirectionLog log, ConnectionControl control)
    {
        if (control.Stopping.IsCancellationRequested) return;
        log.Note(e is SocketException se ? $"socket error {se.SocketErrorCode}: resetting the connection" : $"{e.GetType().Name}: resetting the connection");
        control.Reset();
    }
}
