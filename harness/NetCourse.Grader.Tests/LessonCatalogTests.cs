using NetCourse.Grader.Course;

namespace NetCourse.Grader.Tests;

public class LessonCatalogTests
{
    private static readonly LessonCatalog Catalog = new("/course",
    [
        new Lesson(1, "lesson01-handshake-fsm", "Lesson 01", "/course/lessons/lesson01-handshake-fsm", "/course"),
        new Lesson(5, "lesson05-framing", "Lesson 05", "/course/lessons/lesson05-framing", "/course"),
    ]);

    [TestCase("lesson05")]
    [TestCase("5")]
    [TestCase("05")]
    [TestCase("framing")]
    [TestCase("lesson05-framing")]
    [TestCase("lessons/lesson05-framing/")]
    [TestCase("LESSON05")]
    public void Find_accepts_every_way_of_naming_a_lesson(string name) =>
        Catalog.Find(name).ShouldNotBeNull().Slug.ShouldBe("lesson05-framing");

    [TestCase("lesson99")]
    [TestCase("frame")]
    [TestCase("")]
    public void Find_returns_nothing_for_an_unknown_lesson(string name) =>
        Catalog.Find(name).ShouldBeNull();
}
