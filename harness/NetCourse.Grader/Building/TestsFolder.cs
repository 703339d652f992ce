using System.Runtime.InteropServices;

namespace NetCourse.Grader.Building;

/// <summary>
/// Puts an implementation's assembly under a tests assembly that was compiled against another one
/// with the same reference assembly, so the tests need not be compiled again for each mutant.
/// </summary>
public static class TestsFolder
{
    /// <summary>Replaces the implementation's assembly (and its symbols) in a tests output folder.</summary>
    public static void PutImplementation(string testsFolder, string implementationAssembly)
    {
        foreach (var source in WithSymbols(implementationAssembly))
        {
            var destination = Path.Combine(testsFolder, Path.GetFileName(source));
            // Delete first: the destination may be a hard link shared with another folder.
            File.Delete(destination);
            File.Copy(source, destination);
        }
    }

    /// <summary>
    /// Makes <paramref name="target"/> a copy of <paramref name="baseline"/> (hard links where the file
    /// system allows: the folders hold tens of megabytes of test libraries) with
    /// <paramref name="implementationAssembly"/> in place of the baseline's implementation.
    /// </summary>
    public static void Assemble(string baseline, string target, string implementationAssembly)
    {
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        var replaced = WithSymbols(implementationAssembly).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(baseline, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(baseline, file);
            if (replaced.Contains(relative)) continue;
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (!OperatingSystem.IsWindows() && Link(file, destination) == 0) continue;
            File.Copy(file, destination); // keeps the mode bits (the Playwright driver must stay executable)
        }
        Directory.CreateDirectory(target);
        PutImplementation(target, implementationAssembly);
    }

    private static IEnumerable<string> WithSymbols(string assembly) =>
        new[] { assembly, Path.ChangeExtension(assembly, ".pdb") }.Where(File.Exists);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string created);
}
