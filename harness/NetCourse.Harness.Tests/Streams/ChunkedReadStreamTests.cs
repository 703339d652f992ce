using NetCourse.Harness.Streams;

namespace NetCourse.Harness.Tests.Streams;

public class ChunkedReadStreamTests
{
    private static readonly byte[] Ten = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Test]
    public async Task One_byte_per_read_returns_a_single_byte_each_time()
    {
        var stream = new ChunkedReadStream(new MemoryStream(Ten), ReadSizes.OneByte);

        (await ReadSizesAsync(stream, bufferSize: 64)).ShouldBe(Enumerable.Repeat(1, 10));
    }

    [Test]
    public async Task Half_reads_return_half_of_what_was_asked_rounded_up()
    {
        var stream = new ChunkedReadStream(new MemoryStream(Ten), ReadSizes.Half);

        (await ReadSizesAsync(stream, bufferSize: 8)).ShouldBe([4, 4, 2]);
    }

    [Test]
    public async Task A_cycle_of_sizes_repeats_in_order()
    {
        var stream = new ChunkedReadStream(new MemoryStream(Ten), ReadSizes.Cycle(3, 1));

        (await ReadSizesAsync(stream, bufferSize: 64)).ShouldBe([3, 1, 3, 1, 2]);
    }

    [Test]
    public void Synchronous_reads_follow_the_same_sizes()
    {
        var stream = new ChunkedReadStream(new MemoryStream(Ten), ReadSizes.Cycle(4));
        var buffer = new byte[64];

        stream.Read(buffer, 0, 64).ShouldBe(4);
        stream.Read(buffer.AsSpan()).ShouldBe(4);
    }

    [Test]
    public async Task The_bytes_arrive_intact_and_in_order()
    {
        var stream = new ChunkedReadStream(new MemoryStream(Ten), ReadSizes.Cycle(3, 2));
        var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        copy.ToArray().ShouldBe(Ten);
    }

    internal static async Task<List<int>> ReadSizesAsync(Stream stream, int bufferSize)
    {
        var sizes = new List<int>();
        var buffer = new byte[bufferSize];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0) sizes.Add(read);
        return sizes;
    }
}
