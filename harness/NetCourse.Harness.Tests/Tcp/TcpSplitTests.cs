using NetCourse.Harness.Tcp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Tcp;

public class TcpSplitTests
{
    [Test]
    public async Task Split_into_single_bytes_delivers_one_byte_per_read()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.SplitIntoSingleBytes());

        await pair.Client.SendAllAsync("abcdefgh"u8.ToArray());

        (await pair.Server.ReadSizesAsync(8)).ShouldBe([1, 1, 1, 1, 1, 1, 1, 1]);
    }

    [Test]
    public async Task Split_into_pieces_cuts_every_n_bytes_of_the_stream()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.SplitInto(3));

        await pair.Client.SendAllAsync(new byte[10]);

        (await pair.Server.ReadSizesAsync(10)).ShouldBe([3, 3, 3, 1]);
    }

    [Test]
    public async Task Split_applies_only_to_the_direction_it_was_set_on()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.ClientToServer.SplitIntoSingleBytes());

        await pair.Server.SendAllAsync(new byte[100]);

        (await pair.Client.ReadSizesAsync(100)).ShouldBe([100]);
    }

    [Test]
    public async Task Split_randomly_cuts_at_the_same_offsets_for_the_same_seed()
    {
        var first = await PieceSizesAsync(seed: 7);
        var second = await PieceSizesAsync(seed: 7);

        second.ShouldBe(first);
        first.Distinct().Count().ShouldBeGreaterThan(1, "random sizes should vary");
    }

    [Test]
    public async Task Split_randomly_cuts_differently_for_another_seed()
    {
        (await PieceSizesAsync(seed: 7)).ShouldNotBe(await PieceSizesAsync(seed: 8));
    }

    private static async Task<IReadOnlyList<int>> PieceSizesAsync(int seed)
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.WithSeed(seed).ClientToServer.SplitRandomly(1, 9, gap: TimeSpan.Zero));
        await pair.Client.SendAllAsync(new byte[200]);
        await pair.Server.ReadExactlyAsync(200);
        // The proxy logs a piece once its send returned, which can be just after the reader got it.
        await Wait.UntilAsync(() => pair.Log.ClientToServer.BytesDelivered == 200);
        return pair.Log.ClientToServer.PieceSizes;
    }
}
