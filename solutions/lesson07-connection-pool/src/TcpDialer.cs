using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson07;

/// <summary>Dials TCP connections to one server.</summary>
public sealed class TcpDialer(EndPoint server) : IConnectionDialer<TcpPoolConnection>
{
    public EndPoint Server { get; } = server ?? throw new ArgumentNullException(nameof(server));

    public async ValueTask<TcpPoolConnection> DialAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(Server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(Server, cancellationToken).ConfigureAwait(false);
            return new TcpPoolConnection(socket);
        }
        catch
        {
            // A failed connect must not leave a socket (and its handle) behind.
            socket.Dispose();
            throw;
        }
    }
}
