using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Harness.Udp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Udp;

/// <summary>A client socket and a raw server socket with a UDP fault proxy between them.</summary>
internal sealed class UdpPair : IAsyncDisposable
{
    private UdpPair(Socket client, Socket server, UdpFaultProxy proxy)
    {
        Client = client;
        Server = server;
        Proxy = proxy;
    }

    public Socket Client { get; }
    public Socket Server { get; }
    public UdpFaultProxy Proxy { get; }

    public static async Task<UdpPair> StartAsync(Action<UdpFaults> faults)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var proxy = await UdpFaultProxy.StartAsync((IPEndPoint)server.LocalEndPoint!, faults);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        client.Connect(proxy.EndPoint);
        return new UdpPair(client, server, proxy);
    }

    public async Task SendAsync(params string[] datagrams)
    {
        foreach (var datagram in datagrams) await Client.SendAsync(Encoding.ASCII.GetBytes(datagram), SocketFlags.None).WithDeadline();
    }

    /// <summary>The next <paramref name="count"/> datagrams the server receives, as text.</summary>
    public async Task<List<string>> ServerReceivesAsync(int count)
    {
        var got = new List<string>();
        var buffer = new byte[65_535];
        while (got.Count < count)
        {
            var result = await Server.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, new IPEndPoint(IPAddress.Any, 0)).AsTask()
                .WithDeadline(what: $"datagram {got.Count + 1} of {count} at the server");
            got.Add(Encoding.ASCII.GetString(buffer, 0, result.ReceivedBytes));
        }
        return got;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Server.Dispose();
        await Proxy.DisposeAsync().WithDeadline();
    }
}
