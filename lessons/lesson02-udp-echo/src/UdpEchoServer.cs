using System.Net;

namespace NetCourse.Lesson02;

/// <summary>
/// Echoes every datagram back to the endpoint it came from. One socket and one loop serve every
/// client: UDP has no connections, so there is nothing to give a task of its own.
/// </summary>
public sealed class UdpEchoServer : IAsyncDisposable
{
    /// <summary>Binds <paramref name="endpoint"/> at once (port 0 picks a free port; see <see cref="LocalEndPoint"/>).</summary>
    public UdpEchoServer(IPEndPoint endpoint) =>
        throw new NotImplementedException("Task 2: create a UDP socket of the endpoint's address family and bind it.");

    /// <summary>The endpoint actually bound: with port 0, the port the system chose.</summary>
    public IPEndPoint LocalEndPoint =>
        throw new NotImplementedException("Task 2: return the socket's LocalEndPoint, read once after binding.");

    /// <summary>
    /// Echoes datagrams until <paramref name="cancellationToken"/> is cancelled or the server is
    /// disposed, then closes the socket and completes (cancellation is how it stops, not an error).
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 2: loop ReceiveFromAsync then SendToAsync back to the sender, into a buffer of Datagrams.MaxSize bytes, until cancelled.");

    /// <summary>Stops the loop and releases the socket (and so the port).</summary>
    public ValueTask DisposeAsync() =>
        throw new NotImplementedException("Task 2: stop the loop, wait for it to end, and dispose the socket.");
}
