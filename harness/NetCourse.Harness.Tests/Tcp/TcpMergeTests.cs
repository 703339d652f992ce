using NetCourse.Harness.Tcp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Tcp;

public class TcpMergeTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(3);

    [Test]
    public async Task Merge_every_three_writes_delivers_them_in_one_read()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.MergeEvery(3, flushAfter: Patient));

        var sent = 0;
        foreach (var write in new[] { "one|"u8.ToArray(), "two|"u8.ToArray(), "three|"u8.ToArray() })
        {
            await pair.Client.SendAllAsync(write);
            sent += write.Length;
            // Separate writes arrive as separate reads at the proxy: wait until it has read this one.
            await Wait.UntilAsync(() => pair.Log.ClientToServer.BytesRead == sent, what: $"the proxy reading write {sent} B");
        }

        (await pair.Server.ReadSizesAsync(14)).ShouldBe([14]);
    }

    [Test]
    public async Task Merge_flushes_a_lone_write_after_the_idle_time()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.MergeEvery(3, flushAfter: TimeSpan.FromMilliseconds(20)));

        await pair.Client.SendAllAsync("ping"u8.ToArray());

        (await pair.Server.ReadExactlyAsync(4)).ShouldBe("ping"u8.ToArray());
    }

    [Test]
    public async Task Merge_flushes_held_bytes_at_the_end_of_the_stream()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.MergeEvery(3, flushAfter: Patient));

        await pair.Client.SendAllAsync("last"u8.ToArray());
        pair.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);

        (await pair.Server.ReadExactlyAsync(4)).ShouldBe("last"u8.ToArray());
        (await pair.Server.ReceiveOnceAsync(new byte[8])).ShouldBe(0);
    }

    [Test]
    public async Task Merge_randomly_delivers_at_the_same_offsets_for_the_same_seed()
    {
        var first = await PieceSizesAsync(seed: 11);
        var second = await PieceSizesAsync(seed: 11);

        second.ShouldBe(first);
    }

    [Test]
    public async Task Merge_randomly_holds_bytes_until_the_planned_offset()
    {
        var sizes = await PieceSizesAsync(seed: 11);

        sizes.Take(sizes.Count - 1).ShouldAllBe(size => size >= 20 && size <= 40);
    }

    private static async Task<IReadOnlyList<int>> PieceSizesAsync(int seed)
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.WithSeed(seed).ClientToServer.MergeRandomly(20, 40, flushAfter: Patient));
        for (var i = 0; i < 30; i++) await pair.Client.SendAllAsync(new byte[7]);
        pair.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        await pair.Server.ReadExactlyAsync(210);
        // The proxy logs a piece once its send returned, which can be just after the reader got it.
        await Wait.UntilAsync(() => pair.Log.ClientToServer.BytesDelivered == 210);
        return pair.Log.ClientToServer.PieceSizes;
    }
}
