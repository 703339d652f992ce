using System.Security.Cryptography;

namespace NetCourse.Grader.Trust;

/// <summary>
/// The hashes of every trusted file staged for a submission (tests, harness, given code, build
/// files), taken from the trusted checkout. <see cref="Changed"/> compares the staged copies with
/// them: trusted grading checks right before the tests compile and again before they run, so a
/// build that altered a trusted file is caught whatever it did.
/// </summary>
public sealed class TrustedManifest
{
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);

    public int Count => _hashes.Count;

    /// <summary>Records a staged file (path relative to the staged root) by its trusted content.</summary>
    public void Add(string relativePath, string trustedFile) => _hashes[Normal(relativePath)] = Hash(trustedFile);

    /// <summary>Trusted files whose staged copy is missing or different, relative to <paramref name="stagedRoot"/>.</summary>
    public IReadOnlyList<string> Changed(string stagedRoot) =>
        _hashes.Where(entry =>
            {
                var staged = Path.Combine(stagedRoot, entry.Key);
                return FileKinds.Of(staged) != FileKind.Regular || Hash(staged) != entry.Value;
            })
            .Select(entry => entry.Key).Order(StringComparer.Ordinal).ToList();

    private static string Normal(string path) => path.Replace('\\', '/');

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
