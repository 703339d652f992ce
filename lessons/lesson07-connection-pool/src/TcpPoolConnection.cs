using System.Net.Sockets;

namespace NetCourse.Lesson07;

/// <summary>A pooled TCP connection: a connected socket and the stream over it.</summary>
public sealed class TcpPoolConnection : IPoolableConnection
{
    public TcpPoolConnection(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        Socket = socket;
        Stream = new NetworkStream(socket, ownsSocket: true);
    }

    public Socket Socket { get; }

    public NetworkStream Stream { get; }

    /// <summary>
    /// A quick, non-blocking check that an idle connection is still usable: false once the server
    /// has closed it (or reset it, or sent bytes nobody asked for).
    /// </summary>
    public bool IsAlive =>
        throw new NotImplementedException("Task 4: an idle connection must have nothing to read: Socket.Poll(0, SelectMode.SelectRead) is true when it is closed or out of step.");

    public void Dispose() => Stream.Dispose();
}
