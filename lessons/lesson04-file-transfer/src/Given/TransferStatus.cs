namespace NetCourse.Lesson04;

/// <summary>The receiver's verdict, the first byte of every reply frame.</summary>
public enum TransferStatus : byte
{
    /// <summary>Before the content: "send it". After: the file is stored, intact.</summary>
    Ok = 0,
    /// <summary>The name is empty, too long, escapes the folder or is reserved.</summary>
    InvalidName = 1,
    /// <summary>A file of that name exists and the receiver may not overwrite it.</summary>
    AlreadyExists = 2,
    /// <summary>The announced length is over the receiver's limit.</summary>
    TooLarge = 3,
    /// <summary>The content arrived but its SHA-256 differs from the sender's: nothing was stored.</summary>
    ChecksumMismatch = 4,
    /// <summary>The connection broke or the stream did not follow the protocol: nothing was stored.</summary>
    Incomplete = 5,
}
