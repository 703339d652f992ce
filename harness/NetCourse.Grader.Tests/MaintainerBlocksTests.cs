using NetCourse.Grader.Course;

namespace NetCourse.Grader.Tests;

public class MaintainerBlocksTests
{
    private const string Begin = MaintainerBlocks.Begin, End = MaintainerBlocks.End;

    [Test]
    public void Lines_between_the_markers_are_left_out_of_the_learners_copy() =>
        MaintainerBlocks.Strip($"keep\n{Begin}\n`solutions/x`\n{End}\nalso kept\n", "README.md")
            .ShouldBe("keep\nalso kept\n");

    [Test]
    public void Text_without_markers_is_copied_as_it_is() =>
        MaintainerBlocks.Strip("a\r\nb\n\n", "README.md").ShouldBe("a\r\nb\n\n");

    [Test]
    public void A_block_that_is_never_closed_refuses_the_export_and_names_its_line() =>
        Should.Throw<GraderException>(() => MaintainerBlocks.Strip($"a\n{Begin}\nb\n", "docs/x.md"))
            .Message.ShouldContain("docs/x.md:2");

    [Test]
    public void A_closing_marker_without_an_opening_one_refuses_the_export() =>
        Should.Throw<GraderException>(() => MaintainerBlocks.Strip($"a\n{End}\n", "README.md"))
            .Message.ShouldContain("README.md:2");

    [Test]
    public void A_block_opened_inside_another_refuses_the_export() =>
        Should.Throw<GraderException>(() => MaintainerBlocks.Strip($"{Begin}\n{Begin}\n{End}\n{End}\n", "README.md"))
            .Message.ShouldContain("README.md:2");
}
