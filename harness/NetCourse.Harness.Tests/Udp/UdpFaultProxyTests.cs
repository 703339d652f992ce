using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using NetCourse.Harness.Servers;
using NetCourse.Harness.Udp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Udp;

public class UdpFaultProxyTests
{
    [Test]
    public async Task Clean_proxy_delivers_every_datagram_in_order()
    {
        await using var pair = await UdpPair.StartAsync(_ => { });

        await pair.SendAsync("a", "b", "c");

        (await pair.ServerReceivesAsync(3)).ShouldBe(["a", "b", "c"]);
    }

    [Test]
    public async Task Replies_find_their_way_back_to_the_client()
    {
        await using var server = await LoopbackUdpEchoServer.StartAsync();
        await using var proxy = await UdpFaultProxy.StartAsync(server.EndPoint);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Connect(proxy.EndPoint);

        await client.SendAsync("ping"u8.ToArray(), SocketFlags.None);
        var buffer = new byte[16];
        var read = await client.ReceiveAsync(buffer, SocketFlags.None).WithDeadline();

        Encoding.ASCII.GetString(buffer, 0, read).ShouldBe("ping");
    }

    [Test]
    public async Task Dropping_chosen_datagrams_loses_exactly_those()
    {
        await using var pair = await UdpPair.StartAsync(f => f.ClientToServer.DropDatagrams(0, 2));

        await pair.SendAsync("a", "b", "c", "d");

        (await pair.ServerReceivesAsync(2)).ShouldBe(["b", "d"]);
    }

    [Test]
    public async Task Duplicating_delivers_each_datagram_again()
    {
        await using var pair = await UdpPair.StartAsync(f => f.ClientToServer.Duplicate(1.0));

        await pair.SendAsync("a", "b");

        (await pair.ServerReceivesAsync(4)).ShouldBe(["a", "a", "b", "b"]);
    }

    [Test]
    public async Task Reordering_swaps_a_held_datagram_with_the_next()
    {
        await using var pair = await UdpPair.StartAsync(f => f.ClientToServer.Reorder(1.0, flushAfter: TimeSpan.FromSeconds(5)));

        await pair.SendAsync("a", "b", "c", "d");

        (await pair.ServerReceivesAsync(4)).ShouldBe(["b", "a", "d", "c"]);
    }

    [Test]
    public async Task A_held_datagram_nobody_overtakes_is_released_after_the_flush_time()
    {
        await using var pair = await UdpPair.StartAsync(f => f.ClientToServer.Reorder(1.0, flushAfter: TimeSpan.FromMilliseconds(20)));

        await pair.SendAsync("alone");

        (await pair.ServerReceivesAsync(1)).ShouldBe(["alone"]);
    }

    [Test]
    public async Task Delay_holds_each_datagram_for_at_least_the_delay()
    {
        await using var pair = await UdpPair.StartAsync(f => f.ClientToServer.Delay(TimeSpan.FromMilliseconds(50)));
        var clock = Stopwatch.StartNew();

        await pair.SendAsync("late");
        await pair.ServerReceivesAsync(1);

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(49));
    }

    [Test]
    public async Task The_same_seed_drops_the_same_datagrams()
    {
        (await DroppedAsync(seed: 5)).ShouldBe(await DroppedAsync(seed: 5));
    }

    [Test]
    public async Task Another_seed_drops_other_datagrams()
    {
        (await DroppedAsync(seed: 5)).ShouldNotBe(await DroppedAsync(seed: 6));
    }

    [Test]
    public async Task A_retrying_client_gets_every_answer_through_the_lossy_profile()
    {
        await using var server = await LoopbackUdpEchoServer.StartAsync();
        await using var proxy = await UdpFaultProxy.StartAsync(server.EndPoint, f => f.WithSeed(3).Lossy());
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Connect(proxy.EndPoint);

        for (var request = 0; request < 20; request++)
            (await RetryingEchoAsync(client, $"request {request}")).ShouldBe($"request {request}");

        var session = proxy.Sessions.ShouldHaveSingleItem();
        (session.ClientToServer.Dropped.Count + session.ServerToClient.Dropped.Count).ShouldBeGreaterThan(0);
        session.ServerToClient.Duplicated.ShouldNotBeEmpty();
    }

    private static async Task<string> RetryingEchoAsync(Socket client, string request)
    {
        var buffer = new byte[64];
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await client.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            try
            {
                while (true)
                {
                    var read = await client.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                    var reply = Encoding.ASCII.GetString(buffer, 0, read);
                    if (reply == request) return reply; // late and duplicate replies of earlier requests are ignored
                }
            }
            catch (OperationCanceledException) { }
        }
        throw new TimeoutException($"no reply to '{request}' after 40 attempts");
    }

    private static async Task<IReadOnlyList<int>> DroppedAsync(int seed)
    {
        await using var pair = await UdpPair.StartAsync(f => f.WithSeed(seed).ClientToServer.Drop(0.5));
        await pair.SendAsync([.. Enumerable.Range(0, 20).Select(i => i.ToString())]);
        // Every datagram's fate is settled once each one was either dropped or delivered.
        await Wait.UntilAsync(() => pair.Proxy.Sessions is [{ ClientToServer: var log }] && log.Dropped.Count + log.Delivered == 20);
        return pair.Proxy.Sessions[0].ClientToServer.Dropped;
    }
}
