using NetCourse.Harness.Tcp;

namespace NetCourse.Lesson04.Tests;

/// <summary>The learner's sender and receiver together, through a proxy that misbehaves.</summary>
[Task(5), TimeLimit(30)]
public class EndToEndTests
{
    private sealed record Outcome(TransferReply? SenderReply, Exception? SenderError, TransferReply ReceiverReply);

    private static async Task<Outcome> TransferAsync(TempFolder folder, string name, Stream content, long length,
        Action<TcpFaults> faults, TimeSpan? deadline = null)
    {
        var receiver = new FileReceiver(new ReceiverOptions(folder.Path));
        await using var server = await Loopback<TransferReply>.StartAsync((socket, ct) => receiver.ReceiveAsync(socket, ct));
        await using var proxy = await TcpFaultProxy.StartAsync(server.EndPoint, faults);
        using var client = await Loopback<TransferReply>.ConnectAsync(proxy.EndPoint);

        TransferReply? reply = null;
        Exception? error = null;
        try { reply = await FileSender.SendAsync(client, name, content, length).WithDeadline(deadline ?? TimeSpan.FromSeconds(20)); }
        catch (IOException e) { error = e; }
        return new(reply, error, await server.NextResultAsync(deadline ?? TimeSpan.FromSeconds(20)));
    }

    private static async Task ShouldArriveIntactAsync(Action<TcpFaults> faults, string how, string name = "notes.txt", int size = 3_000)
    {
        using var folder = new TempFolder();
        var content = SeededContent.Bytes(TestSeed.ForCurrentTest(), size);
        var outcome = await TransferAsync(folder, name, new MemoryStream(content), content.Length, faults);
        outcome.SenderError.ShouldBeNull($"{how}: the sender failed: {outcome.SenderError?.Message}");
        outcome.SenderReply!.Status.ShouldBe(TransferStatus.Ok, $"{how}: the sender was told \"{outcome.SenderReply.Message}\".");
        folder.ShouldHoldOnly(name);
        (await File.ReadAllBytesAsync(folder[name])).SequenceEqual(content).ShouldBeTrue($"{how}: the stored file differs from the sent one.");
    }

    [Test, Points(2), Hint("See Hint 5.1: a name read with a single Read gets one byte of it here; read frames with ReadExactlyAsync.")]
    public Task File_split_into_single_bytes_both_ways_arrives_intact() =>
        ShouldArriveIntactAsync(f => f.BothDirections(d => d.SplitIntoSingleBytes(TimeSpan.Zero)), "every byte in its own read", size: 120);

    [Test, Points(2), Hint("Sticky packets: the header, the content and the checksum may arrive in one read; read exactly what each part needs.")]
    public Task File_whose_writes_are_merged_arrives_intact() =>
        ShouldArriveIntactAsync(f => f.BothDirections(d => d.MergeRandomly(1, 100_000)), "writes merged at random offsets", size: 200_000);

    [Test, Hint("Seeded random splits cut the header, the content and the checksum anywhere.")]
    public Task File_split_at_random_arrives_intact() =>
        ShouldArriveIntactAsync(f => f.BothDirections(d => d.SplitRandomly(1, 1_500, TimeSpan.Zero)), "random 1..1500-byte pieces", size: 100_000);

    [Test, Hint("Latency changes nothing when each side waits for what it needs.")]
    public Task File_over_a_slow_link_arrives_intact() =>
        ShouldArriveIntactAsync(f => f.BothDirections(d => d.Delay(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(10))), "20 ms ± 10 ms each way");

    [Test, Hint("An empty file is a header with length 0, no content, the checksum of nothing: it must be stored as an empty file.")]
    public Task Empty_file_arrives_as_an_empty_file() =>
        ShouldArriveIntactAsync(f => f.ClientToServer.SplitInto(3), "an empty file in 3-byte pieces", name: "empty.txt", size: 0);

    [Test, Hint("Names travel as UTF-8: count bytes, not chars, in the header.")]
    public Task File_with_a_non_ASCII_name_arrives_under_that_name() =>
        ShouldArriveIntactAsync(f => f.ClientToServer.SplitInto(2), "a non-ASCII name in 2-byte pieces", name: "Übersicht — 日本語.txt", size: 100);

    [Test, Points(2), Hint("See Hint 5.2: on a reset the sender reports the failure (an IOException) and the receiver deletes its temporary file.")]
    public async Task Reset_mid_transfer_fails_the_sender_and_leaves_nothing_behind()
    {
        using var folder = new TempFolder();
        var outcome = await TransferAsync(folder, "video.mp4", new SeededContent(TestSeed.ForCurrentTest(), 4_000_000), 4_000_000,
            f => f.ClientToServer.ResetAfter(1_000_000));

        (outcome.SenderError is not null || outcome.SenderReply?.IsOk == false).ShouldBeTrue(
            "The connection was reset after 1 MB of 4 MB: the sender must report a failure, not success.");
        outcome.ReceiverReply.Status.ShouldBe(TransferStatus.Incomplete);
        folder.ShouldHoldOnly();
    }

    [Test, Points(3), TimeLimit(180), Hint("See Hint 5.3: a fixed buffer on both sides; memory must not grow with the file.")]
    public async Task File_of_200_MiB_arrives_intact_with_bounded_memory()
    {
        const long size = 200L * 1024 * 1024;
        var seed = TestSeed.ForCurrentTest();
        using var folder = new TempFolder();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var outcome = await TransferAsync(folder, "disk.img", new SeededContent(seed, size), size, _ => { }, TimeSpan.FromSeconds(150));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        outcome.SenderError.ShouldBeNull();
        outcome.SenderReply!.Status.ShouldBe(TransferStatus.Ok, outcome.SenderReply.Message);
        new FileInfo(folder["disk.img"]).Length.ShouldBe(size);
        allocated.ShouldBeLessThan(32L * 1024 * 1024,
            $"Moving 200 MiB allocated {allocated / (1024 * 1024)} MiB in total: content must stream through fixed buffers.");
        await using var stored = File.OpenRead(folder["disk.img"]);
        Convert.ToHexString(await System.Security.Cryptography.SHA256.HashDataAsync(stored))
            .ShouldBe(Convert.ToHexString(SeededContent.Sha256(seed, size)), "The stored 200 MiB file differs from the sent one.");
    }
}
