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
    /// The check Go's MySQL driver makes before reusing a connection (conncheck.go): an idle
    /// connection must have nothing to read. Readable means either the server's FIN arrived (a
    /// read would return 0: RFC 9293, section 3.6, the peer closed) or a reset, or bytes nobody
    /// asked for — the protocol is out of step. None of them can be lent. A zero timeout makes
    /// the poll a non-blocking look at the socket.
    /// </summary>
    public bool IsAlive
    {
        get
        {
            try
            {
                return !Socket.Poll(0, SelectMode.SelectRead);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return false;
            }
        }
    }

    public void Dispose() => Stream.Dispose();
}
