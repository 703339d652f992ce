namespace NetCourse.Lesson02.Tests.Support;

/// <summary>A plain UDP socket on loopback, port 0: a fake server, a raw client, or a stranger.</summary>
public sealed class UdpPeer : IDisposable
{
    private readonly Socket _socket;

    public UdpPeer(AddressFamily family = AddressFamily.InterNetwork)
    {
        _socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    public async Task SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint to)
    {
        using var deadline = Deadline.Start();
        await _socket.SendToAsync(datagram, SocketFlags.None, to, deadline.Token);
    }

    /// <summary>The next datagram and its sender, within the deadline.</summary>
    public async Task<(byte[] Data, IPEndPoint From)> ReceiveAsync(string what, TimeSpan? deadline = null)
    {
        var buffer = new byte[70_000];
        using var cts = Deadline.Start(deadline);
        try
        {
            var any = new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cts.Token);
            return (buffer[..received.ReceivedBytes], (IPEndPoint)received.RemoteEndPoint);
        }
        catch (OperationCanceledException)
        {
            throw new DeadlineExceededException($"{what} did not arrive within {Deadline.Resolve(deadline).TotalSeconds:0} s.");
        }
    }

    public void Dispose() => _socket.Dispose();
}
