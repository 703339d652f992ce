using System.Net.Sockets;
using NetCourse.Harness.Tcp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Tcp;

public class TcpResetTests
{
    [Test]
    public async Task Reset_after_n_bytes_delivers_exactly_n_bytes_first()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.ResetAfter(10));

        await pair.Client.SendAllAsync(new byte[100]);

        await Wait.UntilAsync(() => pair.Log.ClientToServer.FaultsInjected.Count > 0);
        pair.Log.ClientToServer.BytesDelivered.ShouldBe(10);
    }

    [Test]
    public async Task Reset_surfaces_at_the_receiver_as_a_connection_reset()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.ResetAfter(10));

        await pair.Client.SendAllAsync(new byte[100]);

        var error = await Should.ThrowAsync<SocketException>(() => ReadToEndAsync(pair.Server));
        error.SocketErrorCode.ShouldBe(SocketError.ConnectionReset);
    }

    [Test]
    public async Task Reset_surfaces_at_the_sender_as_a_connection_reset()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.ResetAfter(10));

        await pair.Client.SendAllAsync(new byte[100]);

        var error = await Should.ThrowAsync<SocketException>(() => ReadToEndAsync(pair.Client));
        error.SocketErrorCode.ShouldBe(SocketError.ConnectionReset);
    }

    [Test]
    public async Task Reset_surfaces_through_a_network_stream_as_an_IOException()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ServerToClient.ResetAfter(0));
        await using var stream = new NetworkStream(pair.Client, ownsSocket: false);

        await pair.Server.SendAllAsync(new byte[5]);

        var error = await Should.ThrowAsync<IOException>(() => stream.ReadAsync(new byte[16]).AsTask().WithDeadline());
        error.InnerException.ShouldBeOfType<SocketException>().SocketErrorCode.ShouldBe(SocketError.ConnectionReset);
    }

    [Test]
    public async Task Only_the_chosen_connection_resets()
    {
        await using var server = await NetCourse.Harness.Servers.LoopbackTcpServer.StartEchoAsync();
        await using var proxy = await TcpFaultProxy.StartAsync(server.EndPoint,
            f => f.OnConnection(0, first => first.ClientToServer.ResetAfter(2)));

        (await Should.ThrowAsync<SocketException>(() => EchoAsync(proxy, "hello"))).SocketErrorCode.ShouldBe(SocketError.ConnectionReset);
        (await EchoAsync(proxy, "hello")).ShouldBe("hello");
    }

    private static async Task<string> EchoAsync(TcpFaultProxy proxy, string text)
    {
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(proxy.EndPoint).WithDeadline();
        await client.SendAllAsync(System.Text.Encoding.ASCII.GetBytes(text));
        return System.Text.Encoding.ASCII.GetString(await client.ReadExactlyAsync(text.Length));
    }

    private static async Task<byte[]> ReadToEndAsync(Socket socket)
    {
        var all = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveOnceAsync(buffer)) > 0) all.Write(buffer, 0, read);
        return all.ToArray();
    }
}
