using System.Runtime.CompilerServices;
using System.Text;

namespace NetCourse.Harness.Snapshots;

/// <summary>
/// Snapshot assertions with Verify's file conventions: <c>Class.Method.verified.txt</c> is
/// committed next to the test's source file; a mismatch writes <c>Class.Method.received.txt</c>
/// beside it and fails with a line diff. Accept a change by renaming received to verified (or by
/// running with <c>NETCOURSE_ACCEPT_SNAPSHOTS=1</c>). The folder comes from the caller's source
/// path, so it works from any working directory.
/// <code>Snapshot.Match(usageText);</code>
/// </summary>
public static class Snapshot
{
    public const string AcceptEnvironmentVariable = "NETCOURSE_ACCEPT_SNAPSHOTS";

    public static void Match(string actual, SnapshotOptions? options = null,
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string member = "")
    {
        options ??= new SnapshotOptions();
        var directory = Path.GetDirectoryName(sourceFile);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            throw new InvalidOperationException($"The test's source folder '{directory}' does not exist here: snapshots live next to the test source.");
        var name = Path.GetFileNameWithoutExtension(sourceFile) + "." + member + (options.Name is null ? "" : "_" + options.Name);
        MatchFile(actual, options, directory, name);
    }

    internal static void MatchFile(string actual, SnapshotOptions options, string directory, string name, bool? accept = null)
    {
        var verifiedPath = Path.Combine(directory, $"{name}.verified.{options.Extension}");
        var receivedPath = Path.Combine(directory, $"{name}.received.{options.Extension}");
        var received = Normalize(Scrubber.Apply(actual, options.Scrubbers));
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;

        if (verified == received)
        {
            File.Delete(receivedPath); // a stale one from an earlier mismatch
            return;
        }
        if (accept ?? Environment.GetEnvironmentVariable(AcceptEnvironmentVariable) == "1")
        {
            Write(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        Write(receivedPath, received);
        var message = verified is null
            ? $"No verified snapshot yet: {verifiedPath}\nReview {Path.GetFileName(receivedPath)}, then rename it to {Path.GetFileName(verifiedPath)} (or rerun with {AcceptEnvironmentVariable}=1).\n{LineDiff.Describe("", received)}"
            : $"Snapshot mismatch: {Path.GetFileName(verifiedPath)} (- verified, + received)\n{LineDiff.Describe(verified, received)}\nReceived text written to {receivedPath}; if the change is right, rename it to {Path.GetFileName(verifiedPath)}.";
        // Thrown, not Assert.Fail: Assert.Fail records the failure even when a caller catches it.
        throw new AssertionException(message);
    }

    // One form on disk whatever the platform or editor: \n line ends, no trailing blank lines,
    // one final newline (the repository's .editorconfig asks for it).
    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF').TrimEnd('\n', ' ', '\t') + "\n";

    private static void Write(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
