using NetCourse.Harness.Files;

namespace NetCourse.Lesson04.Tests.Support;

public static class FolderAssertions
{
    /// <summary>The receiver's folder holds exactly these files: no temporary file left behind, nothing extra.</summary>
    public static void ShouldHoldOnly(this TempFolder folder, params string[] names) =>
        folder.Files().ShouldBe([.. names.Order(StringComparer.Ordinal)],
            $"The receiver's folder should hold exactly [{string.Join(", ", names)}]; it holds [{string.Join(", ", folder.Files())}].");
}
