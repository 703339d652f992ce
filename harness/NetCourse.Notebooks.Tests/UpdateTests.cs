using static NetCourse.Notebooks.Tests.ScratchNotebook;

namespace NetCourse.Notebooks.Tests;

public class UpdateTests
{
    [Test]
    public async Task Update_writes_outputs_that_a_following_check_accepts()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"FIN\");\ndisplay(\"ACK\");\n41 + 1"), Code("Console.WriteLine(\"TIME_WAIT\");"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        var verdict = await notebook.CheckAsync();
        verdict.Passed.ShouldBeTrue(verdict.Summary);
    }

    [Test]
    public async Task Update_writes_the_shape_VS_Code_writes()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"a\");\n\"b\""));
        await notebook.UpdateAsync();
        var json = File.ReadAllText(notebook.Path);
        json.ShouldContain("\"name\": \"stdout\",\n     \"output_type\": \"stream\"");
        json.ShouldContain("\"text/plain\": [\n       \"b\"\n      ]");
        json.ShouldContain("\"output_type\": \"display_data\"");
        json.ShouldContain("\"execution_count\": 1");
        json.ShouldContain("\"polyglot_notebook\": {\n   \"kernelInfo\"");
        json.ShouldNotContain("\n  \"kernelInfo\"");
        json.ShouldEndWith("}\n");
    }

    [Test]
    public async Task Update_leaves_a_notebook_with_a_failing_cell_untouched()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(1);"), Code("throw new Exception(\"boom\");"));
        var before = File.ReadAllText(notebook.Path);
        (await notebook.UpdateAsync()).Passed.ShouldBeFalse();
        File.ReadAllText(notebook.Path).ShouldBe(before);
    }

    [Test]
    public async Task Update_keeps_the_cell_marks_in_the_metadata()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(1);", netcourse: new System.Text.Json.Nodes.JsonObject { ["compare"] = false }));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        File.ReadAllText(notebook.Path).ShouldContain("\"netcourse\": {\n     \"compare\": false\n    }");
    }
}
