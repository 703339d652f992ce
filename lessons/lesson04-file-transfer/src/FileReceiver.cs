using System.Net.Sockets;

namespace NetCourse.Lesson04;

/// <summary>
/// The receiving side of one folder. <see cref="ReceiveAsync"/> handles one connection; call it
/// for many connections at once (one task each): every transfer has its own temporary file.
/// </summary>
public sealed class FileReceiver
{
    // Given: the options, with Directory made absolute (and no trailing separator).
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
    public Task<TransferReply> ReceiveAsync(Socket connection, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 4: read the header, refuse or answer ok, write the content to a temporary file, verify the checksum, rename, reply.");
}
