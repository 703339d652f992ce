using NetCourse.Grader.Building;

namespace NetCourse.Grader.Tests;

public class UnifiedDiffTests
{
    private const string Diff = """
        Forgets the +1.

        --- a/Connection.cs
        +++ b/Connection.cs
        @@ -10,3 +10,3 @@
         var seq = segment.Sequence;
        -var ack = seq + 1;
        +var ack = seq;
         Send(ack);
        """;

    private string _root = null!;

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("netcourse-diff-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Description_is_the_text_before_the_first_file()
    {
        UnifiedDiff.Description(Diff).ShouldBe("Forgets the +1.");
    }

    [Test]
    public void Apply_replaces_the_hunk_wherever_its_context_now_stands()
    {
        File.WriteAllText(Path.Combine(_root, "Connection.cs"), "// moved down by a new line\nvar seq = segment.Sequence;\nvar ack = seq + 1;\nSend(ack);\n");

        UnifiedDiff.Apply(UnifiedDiff.Parse(Diff), _root);

        File.ReadAllText(Path.Combine(_root, "Connection.cs")).ShouldBe("// moved down by a new line\nvar seq = segment.Sequence;\nvar ack = seq;\nSend(ack);\n");
    }

    [Test]
    public void Apply_refuses_a_hunk_that_no_longer_matches()
    {
        File.WriteAllText(Path.Combine(_root, "Connection.cs"), "var seq = segment.Sequence;\nvar ack = unchecked(seq + 1);\nSend(ack);\n");

        var error = Should.Throw<FormatException>(() => UnifiedDiff.Apply(UnifiedDiff.Parse(Diff), _root));

        error.Message.ShouldContain("does not match the solution any more");
    }

    [Test]
    public void Apply_refuses_a_file_outside_the_folder()
    {
        var escaping = Diff.Replace("a/Connection.cs", "a/../Connection.cs").Replace("b/Connection.cs", "b/../Connection.cs");

        Should.Throw<FormatException>(() => UnifiedDiff.Apply(UnifiedDiff.Parse(escaping), _root)).Message.ShouldContain("outside");
    }

    [Test]
    public void Parse_refuses_text_without_a_file_change()
    {
        Should.Throw<FormatException>(() => UnifiedDiff.Parse("just words"));
    }
}
