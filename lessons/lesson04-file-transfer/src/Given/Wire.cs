namespace NetCourse.Lesson04;

/// <summary>
/// The wire format, in the order the bytes travel (all integers big-endian):
/// <code>
/// sender → receiver   header frame: u32 n, then n bytes: u64 file length, UTF-8 name
/// receiver → sender   reply frame:  u32 n, then n bytes: status byte, UTF-8 message
/// sender → receiver   content: exactly file-length bytes; then the 32-byte SHA-256 of the content;
///                     then the sender half-closes (end of stream)
/// receiver → sender   reply frame: the final status; then the receiver closes
/// </code>
/// </summary>
public static class Wire
{
    /// <summary>Bytes of the length prefix of a header or reply frame.</summary>
    public const int FramePrefixSize = 4;

    /// <summary>The largest header or reply payload a peer accepts.</summary>
    public const int MaxFrameSize = 1024;

    /// <summary>The longest file name, in UTF-8 bytes (what most file systems allow).</summary>
    public const int MaxNameBytes = 255;

    /// <summary>SHA-256, as the checksum trailer.</summary>
    public const int ChecksumSize = 32;

    /// <summary>The fixed buffer content is streamed through, on both sides.</summary>
    public const int ContentBufferSize = 64 * 1024;
}
