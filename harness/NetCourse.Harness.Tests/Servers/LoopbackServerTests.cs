using System.Net;
using System.Net.Sockets;
using NetCourse.Harness.Servers;
using NetCourse.Harness.Tests.Tcp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Servers;

public class LoopbackServerTests
{
    [Test]
    public async Task Echo_server_sends_back_what_it_receives_and_half_closes_at_the_end()
    {
        await using var server = await LoopbackTcpServer.StartEchoAsync();
        using var client = await ConnectAsync(server.EndPoint);

        await client.SendAllAsync("echo"u8.ToArray());
        client.Shutdown(SocketShutdown.Send);

        (await client.ReadExactlyAsync(4)).ShouldBe("echo"u8.ToArray());
        (await client.ReceiveOnceAsync(new byte[4])).ShouldBe(0);
    }

    [Test]
    public async Task Sink_server_counts_what_it_receives()
    {
        await using var server = await LoopbackTcpServer.StartSinkAsync();
        using var client = await ConnectAsync(server.EndPoint);

        await client.SendAllAsync(new byte[1000]);

        await Wait.UntilAsync(() => server.BytesReceived == 1000);
    }

    [Test]
    public async Task Servers_listen_on_loopback_on_a_port_the_system_chose()
    {
        await using var server = await LoopbackTcpServer.StartEchoAsync(AddressFamily.InterNetworkV6);

        server.EndPoint.Address.ShouldBe(IPAddress.IPv6Loopback);
        server.EndPoint.Port.ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Disposing_a_server_closes_its_connections()
    {
        var server = await LoopbackTcpServer.StartAsync((_, ct) => Task.Delay(Timeout.Infinite, ct));
        using var client = await ConnectAsync(server.EndPoint);
        await Wait.UntilAsync(() => server.Accepted == 1);

        await server.DisposeAsync().WithDeadline();

        (await client.ReceiveOnceAsync(new byte[4])).ShouldBe(0);
    }

    [Test]
    public async Task Udp_echo_server_sends_each_datagram_back()
    {
        await using var server = await LoopbackUdpEchoServer.StartAsync();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Connect(server.EndPoint);

        await client.SendAsync("hi"u8.ToArray(), SocketFlags.None);

        var buffer = new byte[8];
        (await client.ReceiveAsync(buffer, SocketFlags.None).WithDeadline()).ShouldBe(2);
    }

    [Test]
    public async Task Nobody_listens_on_an_unused_endpoint()
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        var error = await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(FreePort.UnusedTcpEndPoint()).WithDeadline());

        error.SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }

    [Test]
    public void A_free_port_can_be_bound()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        Should.NotThrow(() => listener.Bind(new IPEndPoint(IPAddress.Loopback, FreePort.Tcp())));
    }

    private static async Task<Socket> ConnectAsync(IPEndPoint endPoint)
    {
        var client = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(endPoint).WithDeadline();
        return client;
    }
}
