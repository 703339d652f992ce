using System.Text;

namespace NetCourse.Harness.Files;

/// <summary>
/// A fresh folder of its own for one test, under the system's temporary folder, deleted with
/// everything in it on dispose.
/// <code>using var folder = new TempFolder(); var path = folder.File("notes.txt", "hello");</code>
/// </summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("netcourse-").FullName;

    /// <summary>The path of <paramref name="name"/> in the folder (nothing is created).</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Creates a file (and its folders) at <paramref name="relativePath"/>, holding <paramref name="content"/>.</summary>
    public string File(string relativePath, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Creates a file (and its folders) at <paramref name="relativePath"/>, holding <paramref name="utf8Text"/> as UTF-8.</summary>
    public string File(string relativePath, string utf8Text) => File(relativePath, Encoding.UTF8.GetBytes(utf8Text));

    /// <summary>Creates a folder (and its parents) at <paramref name="relativePath"/>.</summary>
    public string Folder(string relativePath) => Directory.CreateDirectory(System.IO.Path.Combine(Path, relativePath)).FullName;

    /// <summary>The names of the files directly in the folder, sorted, hidden and temporary ones included.</summary>
    public string[] Files() => [.. Directory.EnumerateFiles(Path).Select(f => System.IO.Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        // A file still open elsewhere (a failed test's leak): the system's temp cleaner gets it.
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
