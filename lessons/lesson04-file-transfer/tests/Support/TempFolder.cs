namespace NetCourse.Lesson04.Tests.Support;

/// <summary>A folder of its own for one test, deleted with everything in it afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netcourse-l04-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>The names of the files in the folder, hidden and temporary ones included.</summary>
    public string[] Files() => [.. Directory.EnumerateFiles(Path).Select(f => System.IO.Path.GetFileName(f)!).Order()];

    public void ShouldHoldOnly(params string[] names) =>
        Files().ShouldBe(names.Order().ToArray(),
            $"The receiver's folder should hold exactly [{string.Join(", ", names)}]; it holds [{string.Join(", ", Files())}].");

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
