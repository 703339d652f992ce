using System.Security.Cryptography;

namespace NetCourse.Lesson04.Tests;

/// <summary>The learner's sender against receivers the tests script byte by byte.</summary>
[Task(3)]
public class FileSenderTests
{
    [Test, Points(2), Hint("See Hint 3.1: after the header, read the receiver's reply before sending a single byte of content.")]
    public async Task Sender_that_is_refused_sends_no_content_and_returns_the_refusal()
    {
        await using var receiver = await Loopback<long>.StartAsync(async (socket, _) =>
        {
            await using var stream = new NetworkStream(socket);
            await RawWire.ReadHeaderAsync(stream);
            await stream.WriteAsync(RawWire.Reply(TransferStatus.AlreadyExists, "exists"));
            socket.Shutdown(SocketShutdown.Send);
            return (await RawWire.ReadToEndAsync(stream)).LongLength;
        });
        using var client = await Loopback<long>.ConnectAsync(receiver.EndPoint);
        var content = new byte[50_000];

        var reply = await FileSender.SendAsync(client, "notes.txt", new MemoryStream(content), content.Length).WithDeadline();
        client.Shutdown(SocketShutdown.Both);

        reply.Status.ShouldBe(TransferStatus.AlreadyExists, "The sender returns the receiver's refusal.");
        (await receiver.NextResultAsync()).ShouldBe(0, "After a refusal the sender must send nothing more: it has to wait for \"ok\" before the content.");
    }

    [Test, Points(2), Hint("See Hint 3.2: content, then its 32-byte SHA-256, then Shutdown(SocketShutdown.Send) so the receiver sees the end.")]
    public async Task Sender_sends_the_content_and_its_checksum_then_half_closes()
    {
        var content = SeededContent.Bytes(TestSeed.ForCurrentTest(), 300_000);
        await using var receiver = await Loopback<byte[]>.StartAsync(async (socket, _) =>
        {
            await using var stream = new NetworkStream(socket);
            await RawWire.ReadHeaderAsync(stream);
            await stream.WriteAsync(RawWire.Reply(TransferStatus.Ok, "send it"));
            var rest = await RawWire.ReadToEndAsync(stream); // ends only at the sender's half-close
            await stream.WriteAsync(RawWire.Reply(TransferStatus.Ok, "stored"));
            return rest;
        });
        using var client = await Loopback<byte[]>.ConnectAsync(receiver.EndPoint);

        var reply = await FileSender.SendAsync(client, "data.bin", new MemoryStream(content), content.Length).WithDeadline();

        var received = await receiver.NextResultAsync();
        received.Length.ShouldBe(content.Length + 32, "After \"ok\" the receiver should get the content and a 32-byte SHA-256, then the end of stream.");
        received.AsSpan(0, content.Length).SequenceEqual(content).ShouldBeTrue("The content arrived altered.");
        received.AsSpan(content.Length).SequenceEqual(SHA256.HashData(content)).ShouldBeTrue("The trailer is not the content's SHA-256.");
        reply.ShouldBe(new TransferReply(TransferStatus.Ok, "stored"), "The sender returns the receiver's final verdict.");
    }

    [Test, Hint("The header carries the file's name only (Path.GetFileName), never the sender's folders.")]
    public async Task SendFileAsync_announces_the_name_without_folders_and_the_length()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["inner"]);
        var path = Path.Combine(folder["inner"], "plan.txt");
        await File.WriteAllBytesAsync(path, new byte[1234]);
        await using var receiver = await Loopback<(string, long)>.StartAsync(async (socket, _) =>
        {
            await using var stream = new NetworkStream(socket);
            var header = await RawWire.ReadHeaderAsync(stream);
            await stream.WriteAsync(RawWire.Reply(TransferStatus.InvalidName, "no thanks"));
            return header;
        });
        using var client = await Loopback<(string, long)>.ConnectAsync(receiver.EndPoint);

        await FileSender.SendFileAsync(client, path).WithDeadline();

        (await receiver.NextResultAsync()).ShouldBe(("plan.txt", 1234L));
    }

    [Test, Points(2), TimeLimit(60), Hint("See Hint 3.3: stream the file through one fixed buffer; File.ReadAllBytes holds the whole file in memory.")]
    public async Task SendFileAsync_streams_a_large_file_without_holding_it_in_memory()
    {
        const long size = 96L * 1024 * 1024;
        using var folder = new TempFolder();
        SeededContent.WriteFile(folder["big.bin"], TestSeed.ForCurrentTest(), size);
        await using var receiver = await Loopback<long>.StartAsync(async (socket, _) =>
        {
            await using var stream = new NetworkStream(socket);
            await RawWire.ReadHeaderAsync(stream);
            await stream.WriteAsync(RawWire.Reply(TransferStatus.Ok, "send it"));
            var buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = await stream.ReadAsync(buffer)) > 0;) total += read;
            await stream.WriteAsync(RawWire.Reply(TransferStatus.Ok, "stored"));
            return total;
        });
        using var client = await Loopback<long>.ConnectAsync(receiver.EndPoint);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await FileSender.SendFileAsync(client, folder["big.bin"]).WithDeadline(TimeSpan.FromSeconds(50));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        (await receiver.NextResultAsync()).ShouldBe(size + 32);
        allocated.ShouldBeLessThan(16L * 1024 * 1024,
            $"Sending a 96 MiB file allocated {allocated / (1024 * 1024)} MiB: the file must be streamed, not read into memory.");
    }
}
