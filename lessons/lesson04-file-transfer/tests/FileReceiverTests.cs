namespace NetCourse.Lesson04.Tests;

/// <summary>The learner's receiver against senders the tests script byte by byte.</summary>
[Task(4)]
public class FileReceiverTests
{
    private static async Task<(Loopback<TransferReply> Server, FileReceiver Receiver)> StartAsync(TempFolder folder, bool overwrite = false, long max = long.MaxValue)
    {
        var receiver = new FileReceiver(new ReceiverOptions(folder.Path) { AllowOverwrite = overwrite, MaxFileSize = max });
        return (await Loopback<TransferReply>.StartAsync((socket, ct) => receiver.ReceiveAsync(socket, ct)), receiver);
    }

    /// <summary>Sends a whole, correct transfer and returns the two replies the sender saw.</summary>
    private static async Task<List<TransferStatus>> SendRawAsync(Loopback<TransferReply> server, string name, byte[] content, byte[]? trailer = null)
    {
        using var client = await Loopback<TransferReply>.ConnectAsync(server.EndPoint);
        await using var stream = new NetworkStream(client);
        await stream.WriteAsync(RawWire.Header(name, content.Length));
        var replies = new List<TransferStatus> { (await RawWire.ReadReplyAsync(stream)).Status };
        if (replies[0] != TransferStatus.Ok) return replies;
        await stream.WriteAsync(trailer is null ? RawWire.ContentAndChecksum(content) : [.. content, .. trailer]);
        client.Shutdown(SocketShutdown.Send);
        replies.Add((await RawWire.ReadReplyAsync(stream)).Status);
        return replies;
    }

    [Test, Points(2), Hint("See Hint 4.1: answer ok, copy exactly the announced length, check the SHA-256, then store the file under its name.")]
    public async Task Receiver_stores_an_intact_file_under_its_name_and_says_so()
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder);
        await using var _s = server;
        var content = SeededContent.Bytes(TestSeed.ForCurrentTest(), 200_000);

        (await SendRawAsync(server, "photo.jpg", content)).ShouldBe([TransferStatus.Ok, TransferStatus.Ok], "ok before the content, ok after it");

        (await server.NextResultAsync()).Status.ShouldBe(TransferStatus.Ok);
        folder.ShouldHoldOnly("photo.jpg");
        (await File.ReadAllBytesAsync(folder["photo.jpg"])).SequenceEqual(content).ShouldBeTrue("The stored file differs from what was sent.");
    }

    [Test, Hint("Compare folders as full paths without trailing separators (the constructor already gives you Directory that way).")]
    public async Task Receiver_whose_folder_ends_with_a_separator_stores_files()
    {
        using var folder = new TempFolder();
        var receiver = new FileReceiver(new ReceiverOptions(folder.Path + Path.DirectorySeparatorChar));
        await using var server = await Loopback<TransferReply>.StartAsync((socket, ct) => receiver.ReceiveAsync(socket, ct));

        (await SendRawAsync(server, "a.txt", "abc"u8.ToArray())).ShouldBe([TransferStatus.Ok, TransferStatus.Ok]);
        folder.ShouldHoldOnly("a.txt");
    }

    [TestCase("../escaped.txt")]
    [TestCase("/tmp/absolute.txt")]
    [TestCase("sub/file.txt")]
    [TestCase("CON")]
    [Hint("See Hint 4.2: check the name with FileNames.Problem before creating anything, and answer InvalidName.")]
    public async Task Receiver_refuses_a_hostile_name_and_creates_nothing(string name)
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder);
        await using var _s = server;

        (await SendRawAsync(server, name, [1, 2, 3])).ShouldBe([TransferStatus.InvalidName]);
        (await server.NextResultAsync()).Status.ShouldBe(TransferStatus.InvalidName);
        folder.ShouldHoldOnly();
        File.Exists(Path.Combine(folder.Path, "..", "escaped.txt")).ShouldBeFalse("Nothing may be written outside the folder.");
    }

    [Test, Hint("Without AllowOverwrite an existing file is refused with AlreadyExists, and stays as it was.")]
    public async Task Receiver_refuses_to_overwrite_unless_allowed()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder["keep.txt"], "original");
        var (server, _) = await StartAsync(folder);
        await using var _s = server;

        (await SendRawAsync(server, "keep.txt", [1, 2, 3])).ShouldBe([TransferStatus.AlreadyExists]);
        (await File.ReadAllTextAsync(folder["keep.txt"])).ShouldBe("original");
    }

    [Test, Hint("With AllowOverwrite the new file replaces the old one once it arrived intact (File.Move with overwrite).")]
    public async Task Receiver_overwrites_when_allowed()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder["doc.txt"], "old");
        var (server, _) = await StartAsync(folder, overwrite: true);
        await using var _s = server;

        (await SendRawAsync(server, "doc.txt", "new"u8.ToArray())).ShouldBe([TransferStatus.Ok, TransferStatus.Ok]);
        (await File.ReadAllTextAsync(folder["doc.txt"])).ShouldBe("new");
        folder.ShouldHoldOnly("doc.txt");
    }

    [Test, Hint("A file over MaxFileSize is refused with TooLarge before any content.")]
    public async Task Receiver_refuses_a_file_over_its_size_limit()
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder, max: 10);
        await using var _s = server;
        (await SendRawAsync(server, "big.bin", new byte[11])).ShouldBe([TransferStatus.TooLarge]);
        folder.ShouldHoldOnly();
    }

    [Test, Points(2), Hint("See Hint 4.3: compare the SHA-256 you computed while writing with the sender's; on a mismatch delete the temporary file and answer ChecksumMismatch.")]
    public async Task Receiver_with_a_wrong_checksum_stores_nothing_and_says_so()
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder);
        await using var _s = server;

        (await SendRawAsync(server, "corrupt.bin", new byte[5000], trailer: new byte[32]))
            .ShouldBe([TransferStatus.Ok, TransferStatus.ChecksumMismatch]);
        folder.ShouldHoldOnly();
    }

    [Test, Points(2), Hint("See Hint 4.4: a stream that ends before the announced length is a broken transfer: delete the temporary file.")]
    public async Task Receiver_whose_sender_stops_mid_file_leaves_nothing_behind()
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder);
        await using var _s = server;
        using (var client = await Loopback<TransferReply>.ConnectAsync(server.EndPoint))
        {
            await using var stream = new NetworkStream(client);
            await stream.WriteAsync(RawWire.Header("half.bin", 100_000));
            (await RawWire.ReadReplyAsync(stream)).Status.ShouldBe(TransferStatus.Ok);
            await stream.WriteAsync(new byte[40_000]);
            client.Shutdown(SocketShutdown.Send);
            await RawWire.ReadToEndAsync(stream);
        }

        (await server.NextResultAsync()).Status.ShouldBe(TransferStatus.Incomplete);
        folder.ShouldHoldOnly();
    }

    [Test, Points(2), Hint("See Hint 4.5: write to a temporary file beside the final one and rename only after the checksum matched; the final name must never hold a partial file.")]
    public async Task Receiver_never_shows_a_partial_file_under_the_final_name()
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder);
        await using var _s = server;
        using (var client = await Loopback<TransferReply>.ConnectAsync(server.EndPoint))
        {
            await using var stream = new NetworkStream(client);
            await stream.WriteAsync(RawWire.Header("movie.mkv", 1_000_000));
            (await RawWire.ReadReplyAsync(stream)).Status.ShouldBe(TransferStatus.Ok);
            await stream.WriteAsync(new byte[100_000]);
            await Wait.UntilAsync(() => folder.Files().Length > 0, what: "the receiver to create the file it writes to");

            File.Exists(folder["movie.mkv"]).ShouldBeFalse("A tenth of the file has arrived, yet it already sits under its final name.");
        }
        (await server.NextResultAsync()).Status.ShouldBe(TransferStatus.Incomplete);
        folder.ShouldHoldOnly();
    }

    [Test, Points(2), Hint("See Hint 4.5: with AllowOverwrite, a failed transfer must leave the old file untouched: only a verified file replaces it.")]
    public async Task Failed_transfer_leaves_the_old_file_intact_even_when_overwrite_is_allowed()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder["doc.txt"], "precious");
        var (server, _) = await StartAsync(folder, overwrite: true);
        await using var _s = server;

        (await SendRawAsync(server, "doc.txt", new byte[5000], trailer: new byte[32]))
            .ShouldBe([TransferStatus.Ok, TransferStatus.ChecksumMismatch]);
        (await File.ReadAllTextAsync(folder["doc.txt"])).ShouldBe("precious", "The corrupted transfer replaced the old file.");
        folder.ShouldHoldOnly("doc.txt");
    }

    [Test, Hint("Several connections at once each get their own temporary file: run ReceiveAsync concurrently without shared state.")]
    public async Task Receiver_handles_several_transfers_at_once()
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder);
        await using var _s = server;
        var seed = TestSeed.ForCurrentTest();
        var files = Enumerable.Range(0, 6).Select(i => ($"file{i}.bin", SeededContent.Bytes(seed + i, 50_000 + i * 7_000))).ToArray();

        var sends = files.Select(f => SendRawAsync(server, f.Item1, f.Item2)).ToArray();
        foreach (var replies in await Task.WhenAll(sends).WithDeadline()) replies.ShouldBe([TransferStatus.Ok, TransferStatus.Ok]);

        folder.ShouldHoldOnly([.. files.Select(f => f.Item1)]);
        foreach (var (name, content) in files)
            (await File.ReadAllBytesAsync(folder[name])).SequenceEqual(content).ShouldBeTrue($"{name} was stored altered.");
    }
}
