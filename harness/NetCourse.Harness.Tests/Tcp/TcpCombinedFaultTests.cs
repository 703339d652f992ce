using System.Net.Sockets;
using NetCourse.Harness.Servers;
using NetCourse.Harness.Tcp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Tcp;

public class TcpCombinedFaultTests
{
    [Test]
    public async Task Split_merge_and_delay_together_still_deliver_every_byte_in_order()
    {
        await using var server = await LoopbackTcpServer.StartEchoAsync();
        await using var proxy = await TcpFaultProxy.StartAsync(server.EndPoint, faults => faults
            .ClientToServer.SplitIntoSingleBytes().MergeEvery(3)
            .ServerToClient.Delay(TimeSpan.FromMilliseconds(5)));
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(proxy.EndPoint).WithDeadline();
        var payload = new byte[64];
        TestSeed.RandomForCurrentTest().NextBytes(payload);

        foreach (var chunk in payload.Chunk(8)) await client.SendAllAsync(chunk);

        (await client.ReadExactlyAsync(payload.Length)).ShouldBe(payload);
    }

    [Test]
    public async Task Faults_on_both_directions_apply_to_each()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.BothDirections(d => d.SplitInto(2)));

        var serverReads = pair.Server.ReadSizesAsync(4);
        var clientReads = pair.Client.ReadSizesAsync(4);
        await pair.Client.SendAllAsync(new byte[4]);
        await pair.Server.SendAllAsync(new byte[4]);

        (await serverReads).ShouldBe([2, 2]);
        (await clientReads).ShouldBe([2, 2]);
    }
}
