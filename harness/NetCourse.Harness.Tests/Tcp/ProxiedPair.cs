using System.Net;
using System.Net.Sockets;
using NetCourse.Harness.Tcp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Tcp;

/// <summary>A client socket and the server socket it reaches through a fault proxy, so a test
/// controls both ends exactly.</summary>
internal sealed class ProxiedPair : IAsyncDisposable
{
    private readonly Socket _listener;

    private ProxiedPair(Socket listener, TcpFaultProxy proxy, Socket client, Socket server)
    {
        _listener = listener;
        Proxy = proxy;
        Client = client;
        Server = server;
    }

    public TcpFaultProxy Proxy { get; }
    public Socket Client { get; }
    public Socket Server { get; }
    public TcpConnectionLog Log => Proxy.Connections[0];

    public static async Task<ProxiedPair> ConnectAsync(Action<TcpFaults> faults)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(8);
        var proxy = await TcpFaultProxy.StartAsync((IPEndPoint)listener.LocalEndPoint!, faults);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // Connect before accepting, as dotnet/runtime's tests do.
        var accept = listener.AcceptAsync();
        await client.ConnectAsync(proxy.EndPoint).WithDeadline();
        var server = await accept.WithDeadline();
        server.NoDelay = true;
        return new ProxiedPair(listener, proxy, client, server);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Server.Dispose();
        _listener.Dispose();
        await Proxy.DisposeAsync().WithDeadline();
    }
}

internal static class SocketTestExtensions
{
    /// <summary>Reads until <paramref name="total"/> bytes came, returning the size of each read.</summary>
    public static async Task<List<int>> ReadSizesAsync(this Socket socket, int total, int bufferSize = 64 * 1024)
    {
        var sizes = new List<int>();
        var buffer = new byte[bufferSize];
        for (var got = 0; got < total;)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WithDeadline(what: $"read after {got} of {total} bytes");
            if (read == 0) throw new EndOfStreamException($"end of stream after {got} of {total} bytes");
            sizes.Add(read);
            got += read;
        }
        return sizes;
    }

    public static async Task<byte[]> ReadExactlyAsync(this Socket socket, int count)
    {
        var buffer = new byte[count];
        for (var got = 0; got < count;)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(got), SocketFlags.None).AsTask().WithDeadline(what: $"read after {got} of {count} bytes");
            if (read == 0) throw new EndOfStreamException($"end of stream after {got} of {count} bytes");
            got += read;
        }
        return buffer;
    }

    public static Task<int> ReceiveOnceAsync(this Socket socket, byte[] buffer) =>
        socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WithDeadline(what: "a read");

    public static Task SendAllAsync(this Socket socket, byte[] data) =>
        socket.SendAsync(data.AsMemory(), SocketFlags.None).AsTask().WithDeadline(what: $"sending {data.Length} bytes");
}
