using System.Net.Sockets;
using System.Security.Cryptography;

namespace NetCourse.Lesson04;

/// <summary>
/// The receiving side of one folder. <see cref="ReceiveAsync"/> handles one connection; call it
/// for many connections at once (one task each): every transfer has its own temporary file.
/// </summary>
public sealed class FileReceiver
{
    private readonly ReceiverOptions _options;

    public FileReceiver(ReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!System.IO.Directory.Exists(options.Directory))
            throw new DirectoryNotFoundException($"The receiver's folder '{options.Directory}' does not exist.");
        _options = options with { Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Directory)) };
    }

    public string Directory => _options.Directory;

    /// <summary>
    /// Receives one file from <paramref name="connection"/> and returns the verdict sent back (or,
    /// when the connection broke, <see cref="TransferStatus.Incomplete"/>). Whatever happens, the
    /// folder ends with either the whole, verified file or no trace of the transfer.
    /// </summary>
    public async Task<TransferReply> ReceiveAsync(Socket connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var stream = new NetworkStream(connection, ownsSocket: false);
        string? temporary = null;
        try
        {
            var header = await TransferWire.ReadHeaderAsync(stream, cancellationToken).ConfigureAwait(false);
            var finalPath = Path.Combine(Directory, header.Name);
            var refusal = Refusal(header, finalPath);
            if (refusal is not null)
            {
                await TransferWire.WriteReplyAsync(stream, refusal, cancellationToken).ConfigureAwait(false);
                return refusal;
            }
            await TransferWire.WriteReplyAsync(stream, new(TransferStatus.Ok, "send it"), cancellationToken).ConfigureAwait(false);

            // Write beside the final file (same volume, so the rename is atomic), under a name no
            // sender can choose: hostile names never contain '/', and this one starts with '.'.
            temporary = Path.Combine(Directory, $".{Guid.NewGuid():N}.part");
            var verdict = await ReceiveContentAsync(stream, header, temporary, finalPath, cancellationToken).ConfigureAwait(false);
            // The folder reaches its final state before the verdict leaves: a sender told
            // "mismatch" never finds a leftover, nor one told "ok" a missing file.
            if (!verdict.IsOk) TryDelete(temporary);
            temporary = null;
            await TransferWire.WriteReplyAsync(stream, verdict, cancellationToken).ConfigureAwait(false);
            return verdict;
        }
        catch (IOException e)
        {
            return new(TransferStatus.Incomplete, $"The transfer broke off: {e.Message}");
        }
        finally
        {
            if (temporary is not null) TryDelete(temporary);
        }
    }

    private TransferReply? Refusal(FileHeader header, string finalPath)
    {
        if (FileNames.Problem(header.Name) is { } problem) return new(TransferStatus.InvalidName, $"Refused '{header.Name}': {problem}.");
        // Belt and braces: whatever the name rules miss, the full path must stay in the folder.
        if (Path.GetDirectoryName(Path.GetFullPath(finalPath)) != Directory)
            return new(TransferStatus.InvalidName, $"Refused '{header.Name}': it leaves the folder.");
        if (header.Length > _options.MaxFileSize)
            return new(TransferStatus.TooLarge, $"Refused: {header.Length} bytes is over the limit of {_options.MaxFileSize}.");
        if (!_options.AllowOverwrite && File.Exists(finalPath))
            return new(TransferStatus.AlreadyExists, $"Refused: '{header.Name}' exists and overwriting is not allowed.");
        return null;
    }

    private async Task<TransferReply> ReceiveContentAsync(Stream stream, FileHeader header, string temporary, string finalPath,
        CancellationToken cancellationToken)
    {
        byte[] actual;
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                         bufferSize: 0, FileOptions.Asynchronous))
        {
            actual = await Content.CopyAsync(stream, header.Length, file, cancellationToken).ConfigureAwait(false);
        }

        var expected = new byte[Wire.ChecksumSize];
        await stream.ReadExactlyAsync(expected, cancellationToken).ConfigureAwait(false);
        // The sender half-closes after the checksum: anything more is a protocol error.
        if (await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) != 0)
            throw new TransferProtocolException("The sender sent bytes after the checksum instead of closing its side.");

        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
            return new(TransferStatus.ChecksumMismatch, "The content's SHA-256 does not match the sender's: nothing was stored.");

        try
        {
            File.Move(temporary, finalPath, overwrite: _options.AllowOverwrite);
        }
        catch (IOException) when (!_options.AllowOverwrite && File.Exists(finalPath))
        {
            // Another transfer of the same name finished first.
            return new(TransferStatus.AlreadyExists, $"Refused: '{header.Name}' appeared during the transfer.");
        }
        return new(TransferStatus.Ok, $"Stored '{header.Name}' ({header.Length} bytes, checksum verified).");
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { } // already gone, or the disk failed: nothing more we can do
        catch (UnauthorizedAccessException) { }
    }
}
