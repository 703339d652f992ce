using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson01.Tests.Support;

/// <summary>
/// A real TCP connection over loopback (127.0.0.1, port 0), and the two endpoints that name
/// each side of it in the operating system's table, kept after the sockets are closed.
/// </summary>
internal sealed class LoopbackPair : IAsyncDisposable
{
    private readonly Socket _listener;

    private LoopbackPair(Socket listener, Socket client, Socket server)
    {
        _listener = listener;
        Client = client;
        Server = server;
        ClientEndPoint = (IPEndPoint)client.LocalEndPoint!;
        ServerEndPoint = (IPEndPoint)server.LocalEndPoint!;
    }

    public Socket Client { get; }
    public Socket Server { get; }
    public IPEndPoint ClientEndPoint { get; }
    public IPEndPoint ServerEndPoint { get; }

    public static Task<LoopbackPair> ConnectAsync(CancellationToken cancellation) =>
        ConnectAsync(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp), IPAddress.Loopback, cancellation);

    /// <summary>
    /// An IPv4 client connected to a dual-mode IPv6 listener bound to ::ffff:127.0.0.1 (still
    /// loopback): the server's side of the connection is listed with IPv4-mapped addresses, the
    /// client's with plain IPv4 ones.
    /// </summary>
    public static Task<LoopbackPair> ConnectDualModeAsync(CancellationToken cancellation) =>
        ConnectAsync(new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true },
            IPAddress.Loopback.MapToIPv6(), cancellation);

    private static async Task<LoopbackPair> ConnectAsync(Socket listener, IPAddress listenOn, CancellationToken cancellation)
    {
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(listenOn, 0));
            listener.Listen();
            // Start the connect before the accept: the kernel completes the handshake on its own.
            var connect = client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndPoint!).Port, cancellation);
            var server = await listener.AcceptAsync(cancellation);
            await connect;
            return new LoopbackPair(listener, client, server);
        }
        catch
        {
            client.Dispose();
            listener.Dispose();
            throw;
        }
    }

    /// <summary>Closes the client first, as the Go material's client does, and waits until the server has read the end of the stream.</summary>
    public async Task CloseClientFirstAsync(CancellationToken cancellation)
    {
        Client.Dispose();
        var received = await Server.ReceiveAsync(new byte[1], SocketFlags.None, cancellation);
        received.ShouldBe(0, "Setting up the test: the server should read the end of the stream after the client closed.");
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        Server.Dispose();
        _listener.Dispose();
        return ValueTask.CompletedTask;
    }
}
