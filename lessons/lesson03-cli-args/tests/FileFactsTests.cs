namespace NetCourse.Lesson03.Tests;

[Task(2)]
public class FileFactsTests
{
    private TempFolder _temp = null!;

    [SetUp] public void CreateFolder() => _temp = new TempFolder();
    [TearDown] public void DeleteFolder() => _temp.Dispose();

    [Test, Hint("See Hint 2.1: the receiver must never see the sender's folders; keep only the last segment of the path.")]
    public void Name_is_the_file_name_without_its_folders()
    {
        var path = _temp.File(Path.Combine("reports", "2026", "march.csv"), "a,b\n");
        FileFacts.Of(path).Name.ShouldBe("march.csv", "The name sent to the receiver has no folders in it.");
    }

    [Test, Hint("The size is the file's length in bytes, as the file system reports it.")]
    public void Length_is_the_size_in_bytes()
    {
        var random = TestSeed.RandomForCurrentTest();
        var content = new byte[random.Next(1, 200_000)];
        random.NextBytes(content);
        var path = _temp.File("data.bin", content);
        FileFacts.Of(path).Length.ShouldBe(content.LongLength, $"The file holds {content.Length} bytes.");
    }

    [Test, Hint("See Hint 2.2: read the size from the file system, not from the text: UTF-8 takes two bytes for é.")]
    public void Length_counts_bytes_not_characters()
    {
        var path = _temp.File("summer.txt", "été");
        FileFacts.Of(path).Length.ShouldBe(5, "\"été\" is 3 characters but 5 bytes in UTF-8.");
    }

    [Test, Hint("An empty file exists and has length 0.")]
    public void Empty_file_has_length_zero()
    {
        var path = _temp.File("empty.txt", []);
        FileFacts.Of(path).Length.ShouldBe(0);
    }

    [Test, Hint("A space is an ordinary character of a file name: do not split or trim the name.")]
    public void Name_with_spaces_is_kept_whole()
    {
        var path = _temp.File(Path.Combine("my files", "annual report 2026.pdf"), "%PDF");
        FileFacts.Of(path).Name.ShouldBe("annual report 2026.pdf");
    }

    [Test, Hint("Names are Unicode: take them from the path as they are, never through an ASCII conversion.")]
    public void Non_ASCII_name_is_kept_intact()
    {
        var path = _temp.File("résumé-日本語.txt", "hello");
        FileFacts.Of(path).Name.ShouldBe("résumé-日本語.txt");
    }

    [Test, Hint("Resolve the path against the current folder: the full path is absolute.")]
    public void Relative_path_gives_the_full_path()
    {
        var path = _temp.File("relative.txt", "x");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        FileFacts.Of(relative).FullPath.ShouldBe(path, $"'{relative}' seen from '{Environment.CurrentDirectory}' is '{path}'.");
    }

    [Test, Hint("See Hint 2.3: check that the file exists before reading its size, and throw FileNotFoundException when it does not.")]
    public void Missing_file_throws_FileNotFoundException()
    {
        var path = Path.Combine(_temp.Path, "no such file.txt");
        var error = Should.Throw<FileNotFoundException>(() => FileFacts.Of(path));
        error.Message.ShouldContain(path, Case.Sensitive, "The message should name the missing file.");
    }

    [Test, Hint("See Hint 2.3: a folder is not a file: throw IOException saying so.")]
    public void Folder_instead_of_a_file_throws_IOException()
    {
        var folder = _temp.Folder("a folder");
        var error = Should.Throw<IOException>(() => FileFacts.Of(folder));
        error.ShouldNotBeOfType<FileNotFoundException>("The folder exists: say it is a folder, not that it is missing.");
    }
}
