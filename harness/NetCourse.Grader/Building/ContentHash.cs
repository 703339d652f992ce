using System.Security.Cryptography;
using System.Text;

namespace NetCourse.Grader.Building;

/// <summary>
/// One SHA-256 over a set of files, by path (relative to a root, '/'-separated) and content, in
/// ordinal order. Content, never timestamps: a file restored with an old modification time still
/// counts as changed, and a touched but unchanged file does not.
/// </summary>
public sealed class ContentHash
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Adds a labelled value that is not a file (an implementation's name, a seed, a version).</summary>
    public ContentHash Add(string label, string value)
    {
        _hash.AppendData(Encoding.UTF8.GetBytes($"{label}={value}\n"));
        return this;
    }

    /// <summary>Adds every file in <paramref name="files"/>, named relative to <paramref name="root"/>.</summary>
    public ContentHash AddFiles(string root, IEnumerable<string> files)
    {
        foreach (var relative in files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Distinct().Order(StringComparer.Ordinal))
        {
            _hash.AppendData(Encoding.UTF8.GetBytes(relative + "\0"));
            _hash.AppendData(File.ReadAllBytes(Path.Combine(root, relative)));
            _hash.AppendData("\0"u8);
        }
        return this;
    }

    public string Finish() => Convert.ToHexString(_hash.GetHashAndReset());

    public static string OfFile(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
