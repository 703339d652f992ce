using NetCourse.Harness.Files;

namespace NetCourse.Harness.Tests.Files;

public class TempFolderTests
{
    [Test]
    public void Each_folder_is_fresh_and_empty()
    {
        using var one = new TempFolder();
        using var two = new TempFolder();

        one.Path.ShouldNotBe(two.Path);
        Directory.Exists(one.Path).ShouldBeTrue();
        one.Files().ShouldBeEmpty();
    }

    [Test]
    public void File_creates_its_folders_and_holds_the_text_as_UTF8()
    {
        using var folder = new TempFolder();

        var path = folder.File(Path.Combine("a", "b", "résumé.txt"), "héllo");

        path.ShouldBe(Path.Combine(folder.Path, "a", "b", "résumé.txt"));
        File.ReadAllText(path).ShouldBe("héllo");
    }

    [Test]
    public void Files_lists_the_names_directly_inside_sorted()
    {
        using var folder = new TempFolder();
        folder.File("b.txt", [1]);
        folder.File(".hidden", [2]);
        folder.Folder("sub");
        folder.File(Path.Combine("sub", "deep.txt"), [3]);

        folder.Files().ShouldBe([".hidden", "b.txt"]);
        folder["b.txt"].ShouldBe(Path.Combine(folder.Path, "b.txt"));
    }

    [Test]
    public void Dispose_deletes_the_folder_and_everything_in_it()
    {
        var folder = new TempFolder();
        folder.File(Path.Combine("sub", "x.bin"), [1, 2, 3]);

        folder.Dispose();

        Directory.Exists(folder.Path).ShouldBeFalse();
    }
}
