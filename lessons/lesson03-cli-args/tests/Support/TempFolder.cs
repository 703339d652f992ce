using System.Text;

namespace NetCourse.Lesson03.Tests.Support;

/// <summary>A fresh folder under the system's temporary folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("netcourse-lesson03-").FullName;

    /// <summary>Creates a file (and its folders) at <paramref name="relativePath"/>, holding <paramref name="content"/>.</summary>
    public string File(string relativePath, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public string File(string relativePath, string utf8Text) => File(relativePath, Encoding.UTF8.GetBytes(utf8Text));

    public string Folder(string relativePath) => Directory.CreateDirectory(System.IO.Path.Combine(Path, relativePath)).FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // a file still open elsewhere: the system's temp cleaner gets it
    }
}
