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
    private static async Task<List<TransferStatus>> SendRawAsync(Loopback<TransferReply> server, string name, byte[] content, byte[]? trailer = null) =>
        [.. (await SendRawRepliesAsync(server, name, content, trailer)).Select(r => r.Status)];

    /// <summary>Announces <paramref name="announced"/> bytes, sends only <paramref name="sent"/> of them after the Ok, and ends the stream.</summary>
    private static async Task StopMidFileAsync(Loopback<TransferReply> server, string name, int announced, int sent)
    {
        using var client = await Loopback<TransferReply>.ConnectAsync(server.EndPoint);
        await using var stream = new NetworkStream(client);
        await stream.WriteAsync(RawWire.Header(name, announced));
        (await RawWire.ReadReplyAsync(stream)).Status.ShouldBe(TransferStatus.Ok);
        await stream.WriteAsync(new byte[sent]);
        client.Shutdown(SocketShutdown.Send);
        await RawWire.ReadToEndAsync(stream);
    }

    /// <summary>Like <see cref="SendRawAsync"/>, with the replies' messages.</summary>
    private static async Task<List<(TransferStatus Status, string Message)>> SendRawRepliesAsync(Loopback<TransferReply> server, string name,
        byte[] content, byte[]? trailer = null)
    {
        using var client = await Loopback<TransferReply>.ConnectAsync(server.EndPoint);
        await using var stream = new NetworkStream(client);
        await stream.WriteAsync(RawWire.Header(name, content.Length));
        var replies = new List<(TransferStatus Status, string Message)> { await RawWire.ReadReplyAsync(stream) };
        if (replies[0].Status != TransferStatus.Ok) return replies;
        await stream.WriteAsync(trailer is null ? RawWire.ContentAndChecksum(content) : [.. content, .. trailer]);
        client.Shutdown(SocketShutdown.Send);
        replies.Add(await RawWire.ReadReplyAsync(stream));
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
    [TestCase("{outside}/absolute.txt")]
    [TestCase("sub/file.txt")]
    [TestCase("CON")]
    [Hint("See Hint 4.2: check the name with FileNames.Problem before creating anything, and answer InvalidName.")]
    public async Task Receiver_refuses_a_hostile_name_and_creates_nothing(string name)
    {
        // The receiver's folder sits inside a folder of the test's own: a name that escapes lands
        // where the test looks, and is deleted with it (never in the shared temporary folder).
        using var outside = new TempFolder();
        var inbox = outside.Folder("inbox");
        name = name.Replace("{outside}", outside.Path);
        var receiver = new FileReceiver(new ReceiverOptions(inbox));
        await using var server = await Loopback<TransferReply>.StartAsync((socket, ct) => receiver.ReceiveAsync(socket, ct));

        (await SendRawAsync(server, name, [1, 2, 3])).ShouldBe([TransferStatus.InvalidName]);
        (await server.NextResultAsync()).Status.ShouldBe(TransferStatus.InvalidName);
        Directory.EnumerateFileSystemEntries(outside.Path, "*", SearchOption.AllDirectories).ShouldBe([inbox],
            $"Refusing '{name}' must create nothing, neither in the folder nor outside it.");
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
        await StopMidFileAsync(server, "half.bin", announced: 100_000, sent: 40_000);

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
    [Test, Hint("The limit is inclusive: a file of exactly MaxFileSize bytes is accepted; only a longer one is TooLarge.")]
    public async Task Receiver_accepts_a_file_of_exactly_its_size_limit()
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder, max: 10);
        await using var _s = server;
        (await SendRawAsync(server, "exact.bin", new byte[10])).ShouldBe([TransferStatus.Ok, TransferStatus.Ok]);
        folder.ShouldHoldOnly("exact.bin");
    }

    [Test, Hint("See Hint 4.1: after the checksum the sender half-closes; a byte more breaks the protocol: store nothing and return Incomplete.")]
    public async Task Receiver_whose_sender_sends_bytes_after_the_checksum_stores_nothing()
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder);
        await using var _s = server;
        var content = SeededContent.Bytes(TestSeed.ForCurrentTest(), 3_000);
        using (var client = await Loopback<TransferReply>.ConnectAsync(server.EndPoint))
        {
            await using var stream = new NetworkStream(client);
            await stream.WriteAsync(RawWire.Header("extra.bin", content.Length));
            (await RawWire.ReadReplyAsync(stream)).Status.ShouldBe(TransferStatus.Ok);
            byte[] tooMuch = [.. RawWire.ContentAndChecksum(content), 0x2A];
            await stream.WriteAsync(tooMuch);
            client.Shutdown(SocketShutdown.Send);
            await RawWire.ReadToEndAsync(stream); // a reply, or none: either is fine
        }

        (await server.NextResultAsync()).Status.ShouldBe(TransferStatus.Incomplete, "A byte after the checksum is not the end of stream the protocol asks for.");
        folder.ShouldHoldOnly();
    }

    [Test, Points(2), Hint("See Hint 4.5: two transfers of one name may both be accepted; when the second finishes, File.Move without overwrite fails: answer AlreadyExists and keep the first file.")]
    public async Task Transfer_of_a_name_stored_meanwhile_by_another_transfer_gets_AlreadyExists()
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder);
        await using var _s = server;
        var random = TestSeed.RandomForCurrentTest();
        var (slow, fast) = (new byte[20_000], new byte[5_000]);
        random.NextBytes(slow);
        random.NextBytes(fast);

        using var client = await Loopback<TransferReply>.ConnectAsync(server.EndPoint);
        await using var stream = new NetworkStream(client);
        await stream.WriteAsync(RawWire.Header("race.txt", slow.Length));
        var first = (await RawWire.ReadReplyAsync(stream)).Status;
        first.ShouldBe(TransferStatus.Ok, "Nothing is stored under race.txt yet: the first transfer is accepted.");
        await stream.WriteAsync(slow.AsMemory(0, 10_000));

        // A second transfer of the same name, started and finished while the first is half way.
        var fastReplies = await SendRawAsync(server, "race.txt", fast);
        (await server.NextResultAsync()).Status.ShouldBe(fastReplies[^1]);

        await stream.WriteAsync(RawWire.ContentAndChecksum(slow).AsMemory(10_000));
        client.Shutdown(SocketShutdown.Send);
        var slowReply = await RawWire.ReadToEndAsync(stream);
        var slowResult = (await server.NextResultAsync()).Status;

        folder.ShouldHoldOnly("race.txt");
        if (fastReplies.SequenceEqual([TransferStatus.Ok, TransferStatus.Ok]))
        {
            slowResult.ShouldBe(TransferStatus.AlreadyExists, "The other transfer stored race.txt first: without AllowOverwrite this one must be refused with AlreadyExists.");
            slowReply.Length.ShouldBeGreaterThan(Wire.FramePrefixSize + 1, "The refused sender should get its AlreadyExists reply, with a message saying why (rule 6).");
            slowReply[Wire.FramePrefixSize].ShouldBe((byte)TransferStatus.AlreadyExists);
            (await File.ReadAllBytesAsync(folder["race.txt"])).SequenceEqual(fast).ShouldBeTrue("The refused transfer replaced the file stored first.");
        }
        else
        {
            // A receiver may refuse a name already in transfer at its header: then the first one stores it.
            fastReplies.ShouldBe([TransferStatus.AlreadyExists], "The second transfer should either be stored or be refused with AlreadyExists.");
            slowResult.ShouldBe(TransferStatus.Ok);
            (await File.ReadAllBytesAsync(folder["race.txt"])).SequenceEqual(slow).ShouldBeTrue("race.txt differs from the transfer that was stored.");
        }
    }
    [Test, Hint("See Hint 4.1: the socket is the caller's: do the I/O on a NetworkStream(connection, ownsSocket: false) and leave closing it to the caller.")]
    public async Task Receiver_leaves_the_socket_to_its_caller()
    {
        using var folder = new TempFolder();
        var receiver = new FileReceiver(new ReceiverOptions(folder.Path));
        await using var server = await Loopback<bool>.StartAsync(async (socket, ct) =>
        {
            await receiver.ReceiveAsync(socket, ct);
            return socket.SafeHandle.IsClosed;
        });
        using var client = await Loopback<bool>.ConnectAsync(server.EndPoint);
        await using var stream = new NetworkStream(client);
        await stream.WriteAsync(RawWire.Header("kept.txt", 3));
        (await RawWire.ReadReplyAsync(stream)).Status.ShouldBe(TransferStatus.Ok);
        await stream.WriteAsync(RawWire.ContentAndChecksum([1, 2, 3]));
        client.Shutdown(SocketShutdown.Send);
        (await RawWire.ReadReplyAsync(stream)).Status.ShouldBe(TransferStatus.Ok);

        (await server.NextResultAsync()).ShouldBeFalse("ReceiveAsync closed the socket it was given: the socket is its caller's, who closes it.");
    }

    [TestCase(TransferStatus.Ok)]
    [TestCase(TransferStatus.InvalidName)]
    [TestCase(TransferStatus.AlreadyExists)]
    [TestCase(TransferStatus.TooLarge)]
    [TestCase(TransferStatus.ChecksumMismatch)]
    [Hint("Rule 6 of the protocol: every reply says in words what happened (why a name was refused, what was stored), never nothing.")]
    public async Task Every_reply_carries_a_message_for_a_human(TransferStatus verdict)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder["taken.txt"], "original");
        var (server, _) = await StartAsync(folder, max: 10);
        await using var _s = server;
        (string Name, byte[] Content, byte[]? Trailer) transfer = verdict switch
        {
            TransferStatus.InvalidName => ("../x.txt", new byte[3], null),
            TransferStatus.AlreadyExists => ("taken.txt", new byte[3], null),
            TransferStatus.TooLarge => ("big.bin", new byte[11], null),
            TransferStatus.ChecksumMismatch => ("bad.bin", new byte[3], new byte[32]),
            _ => ("fine.txt", new byte[3], null),
        };

        var replies = await SendRawRepliesAsync(server, transfer.Name, transfer.Content, transfer.Trailer);
        replies[^1].Status.ShouldBe(verdict);
        foreach (var (status, message) in replies)
            message.ShouldNotBeNullOrWhiteSpace($"The {status} reply came with an empty message.");
        (await server.NextResultAsync()).Message.ShouldNotBeNullOrWhiteSpace($"The {verdict} verdict ReceiveAsync returned has an empty message.");
    }

    [Test, Hint("Rule 6 of the protocol: the Incomplete verdict ReceiveAsync returns says in words what broke, though nobody hears it.")]
    public async Task Incomplete_verdict_carries_a_message_for_a_human()
    {
        using var folder = new TempFolder();
        var (server, _) = await StartAsync(folder);
        await using var _s = server;
        await StopMidFileAsync(server, "half.bin", announced: 1_000, sent: 400);

        var verdict = await server.NextResultAsync();
        verdict.Status.ShouldBe(TransferStatus.Incomplete);
        verdict.Message.ShouldNotBeNullOrWhiteSpace("The Incomplete verdict has an empty message.");
    }
}
