using System.Diagnostics;
using System.Net.Sockets;
using NetCourse.Harness.Servers;
using NetCourse.Harness.Tcp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Tcp;

public class TcpStreamFaultTests
{
    [Test]
    public async Task Clean_proxy_passes_a_megabyte_both_ways_intact()
    {
        await using var pair = await ProxiedPair.ConnectAsync(_ => { });
        var payload = new byte[1 << 20];
        new Random(1).NextBytes(payload);

        var send = pair.Client.SendAllAsync(payload);
        var echoed = await pair.Server.ReadExactlyAsync(payload.Length);
        await send;

        echoed.ShouldBe(payload);
    }

    [Test]
    public async Task Half_close_passes_through_as_an_end_of_stream()
    {
        await using var pair = await ProxiedPair.ConnectAsync(_ => { });

        pair.Client.Shutdown(SocketShutdown.Send);

        (await pair.Server.ReceiveOnceAsync(new byte[8])).ShouldBe(0);
    }

    [Test]
    public async Task Half_closed_client_still_receives_the_reply()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ServerToClient.SplitInto(2));
        pair.Client.Shutdown(SocketShutdown.Send);
        (await pair.Server.ReceiveOnceAsync(new byte[8])).ShouldBe(0);

        await pair.Server.SendAllAsync("reply"u8.ToArray());
        pair.Server.Shutdown(SocketShutdown.Send);

        (await pair.Client.ReadExactlyAsync(5)).ShouldBe("reply"u8.ToArray());
        (await pair.Client.ReceiveOnceAsync(new byte[8])).ShouldBe(0);
    }

    [Test]
    public async Task Stop_reading_eventually_blocks_the_senders_writes()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.StopReading());

        // Non-blocking sends show the block without waiting for it: once the socket buffers on
        // both sides are full, the next send would block (WouldBlock) instead of being taken.
        pair.Client.Blocking = false;
        var chunk = new byte[64 << 10];
        long taken = 0;
        while (true)
        {
            var sent = pair.Client.Send(chunk, 0, chunk.Length, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock) break;
            error.ShouldBe(SocketError.Success);
            taken += sent;
            taken.ShouldBeLessThan(64L << 20, "64 MiB cannot fit in socket buffers: the sender should have been blocked long before");
        }
        pair.Log.ClientToServer.BytesRead.ShouldBe(0);
    }

    [Test]
    public async Task Stop_reading_after_n_bytes_forwards_exactly_n_bytes()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.StopReadingAfter(1000));

        await pair.Client.SendAllAsync(new byte[5000]);

        (await pair.Server.ReadExactlyAsync(1000)).Length.ShouldBe(1000);
        await Wait.UntilAsync(() => pair.Log.ClientToServer.FaultsInjected.Count == 1);
        pair.Log.ClientToServer.BytesRead.ShouldBe(1000);
    }

    [Test]
    public async Task Black_hole_direction_swallows_everything_and_delivers_nothing()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.BlackHole());

        await pair.Client.SendAllAsync(new byte[100]);
        await Wait.UntilAsync(() => pair.Log.ClientToServer.BytesRead == 100);

        pair.Server.Available.ShouldBe(0);
        pair.Log.ClientToServer.BytesDelivered.ShouldBe(0);
    }

    [Test]
    public async Task Black_hole_proxy_accepts_but_never_reaches_the_server()
    {
        await using var server = await LoopbackTcpServer.StartEchoAsync();
        await using var proxy = await TcpFaultProxy.StartAsync(server.EndPoint, f => f.BlackHole());
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);

        await client.ConnectAsync(proxy.EndPoint).WithDeadline();
        await client.SendAllAsync(new byte[10]);
        var reply = client.ReceiveAsync(new byte[10], SocketFlags.None);

        // The proxy logs its decision before it starts swallowing: from then on it never dials.
        await Wait.UntilAsync(() => proxy.Connections.Count == 1 && proxy.Connections[0].ClientToServer.FaultsInjected.Count == 1,
            what: "the proxy taking the connection into its black hole");
        server.Accepted.ShouldBe(0);
        reply.IsCompleted.ShouldBeFalse("a black hole never answers");
    }

    [Test]
    public async Task Delay_holds_each_write_for_at_least_the_delay()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ServerToClient.Delay(TimeSpan.FromMilliseconds(50)));
        var clock = Stopwatch.StartNew();

        await pair.Server.SendAllAsync("late"u8.ToArray());
        await pair.Client.ReadExactlyAsync(4);

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(49));
    }

    [Test]
    public async Task Delay_with_jitter_keeps_the_bytes_in_order()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.Delay(TimeSpan.FromMilliseconds(5), jitter: TimeSpan.FromMilliseconds(5)));
        var payload = Enumerable.Range(0, 50).Select(i => (byte)i).ToArray();

        foreach (var b in payload) await pair.Client.SendAllAsync([b]);

        (await pair.Server.ReadExactlyAsync(50)).ShouldBe(payload);
    }

    [Test]
    public async Task Bandwidth_limit_paces_delivery()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.LimitBandwidth(100_000));
        var clock = Stopwatch.StartNew();

        await pair.Client.SendAllAsync(new byte[20_000]);
        await pair.Server.ReadExactlyAsync(20_000);

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150));
    }

    [Test]
    public async Task Disposing_the_proxy_ends_connections_that_are_stuck()
    {
        var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.StopReading().ServerToClient.BlackHole());
        await pair.Client.SendAllAsync(new byte[10]);

        await pair.Proxy.DisposeAsync().WithDeadline();

        (await pair.Server.ReceiveOnceAsync(new byte[8])).ShouldBe(0);
        await pair.DisposeAsync();
    }

    [Test]
    public async Task A_refused_server_resets_the_client()
    {
        await using var proxy = await TcpFaultProxy.StartAsync(FreePort.UnusedTcpEndPoint());
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);

        // The reset may even beat the end of the client's connect.
        var error = await Should.ThrowAsync<SocketException>(async () =>
        {
            await client.ConnectAsync(proxy.EndPoint).WithDeadline();
            await client.ReceiveOnceAsync(new byte[8]);
        });

        error.SocketErrorCode.ShouldBe(SocketError.ConnectionReset);
    }

    [Test]
    public async Task The_proxy_only_forwards_to_loopback()
    {
        await Should.ThrowAsync<ArgumentException>(() =>
            TcpFaultProxy.StartAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("192.0.2.1"), 80)));
    }
}
