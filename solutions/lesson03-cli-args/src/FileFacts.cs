namespace NetCourse.Lesson03;

/// <summary>What the sender tells the receiver about a file: its name without the directory, and its size in bytes.</summary>
/// <param name="FullPath">Where the file is on this machine (never sent: the receiver decides where it goes).</param>
/// <param name="Name">The last segment of the path: <c>report.pdf</c> for <c>/home/ana/report.pdf</c>.</param>
/// <param name="Length">The size in bytes, not in characters: "été" is 3 characters and 5 bytes of UTF-8.</param>
public sealed record FileFacts(string FullPath, string Name, long Length)
{
    /// <summary>
    /// The facts of the file at <paramref name="path"/>: <see cref="FileNotFoundException"/> when
    /// there is none, <see cref="IOException"/> when it is a directory.
    /// </summary>
    public static FileFacts Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            if (Directory.Exists(path)) throw new IOException($"'{path}' is a directory, not a file");
            throw new FileNotFoundException($"no such file: '{path}'", path);
        }
        return new FileFacts(file.FullName, file.Name, file.Length);
    }
}
