using static NetCourse.Notebooks.Tests.ScratchNotebook;

namespace NetCourse.Notebooks.Tests;

public class UpdateTests
{
    [Test]
    public async Task Update_writes_outputs_that_a_following_check_accepts()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"FIN\");\ndisplay(\"ACK\");\n\"done\""), Code("Console.WriteLine(\"TIME_WAIT\");"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        var verdict = await notebook.CheckAsync();
        verdict.Passed.ShouldBeTrue(verdict.Summary);
    }

    [Test]
    public async Task Update_writes_the_shape_GitHub_renders()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"a\");\n\"b\""));
        await notebook.UpdateAsync();
        var json = File.ReadAllText(notebook.Path);
        json.ShouldContain("\"output_type\": \"stream\"");
        json.ShouldContain("\"text/plain\": [\n       \"b\"\n      ]");
        json.ShouldContain("\"execution_count\": 1");
    }

    [Test]
    public async Task Update_leaves_a_notebook_with_a_failing_cell_untouched()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(1);"), Code("throw new Exception(\"boom\");"));
        var before = File.ReadAllText(notebook.Path);
        (await notebook.UpdateAsync()).Passed.ShouldBeFalse();
        File.ReadAllText(notebook.Path).ShouldBe(before);
    }
}
