using System.Text.Json.Nodes;
using static NetCourse.Notebooks.Tests.ScratchNotebook;

namespace NetCourse.Notebooks.Tests;

public class CheckTests
{
    [Test]
    public async Task Stored_outputs_that_match_pass()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"hello\");", Stdout("hello\n")));
        var verdict = await notebook.CheckAsync();
        verdict.Passed.ShouldBeTrue(verdict.Summary);
        verdict.CellsRun.ShouldBe(1);
    }

    [Test]
    public async Task A_mismatching_stored_output_fails_with_a_diff()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"SYN\");\nConsole.WriteLine(\"ACK\");", Stdout("SYN\nSYN+ACK\n")));
        var failure = (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem();
        failure.Headline.ShouldBe("cell 2 output differs from the stored output (- stored, + actual)");
        failure.Diff.ShouldBe(["  [stdout]", "  SYN", "- SYN+ACK", "+ ACK"]);
    }

    [Test]
    public async Task Line_endings_and_trailing_whitespace_do_not_count()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"a  \");\nConsole.WriteLine(\"b\");", Stdout("a\r\nb  \r\n\r\n")));
        (await notebook.CheckAsync()).Passed.ShouldBeTrue();
    }

    [Test]
    public async Task A_throwing_cell_fails_naming_its_cell_number_and_message()
    {
        using var notebook = new ScratchNotebook(Code("var ok = true;"), Code("var route = 0;\nthrow new InvalidOperationException(\"no route\");"));
        var failure = (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem();
        failure.Headline.ShouldBe("cell 3 threw InvalidOperationException at line 2: no route");
    }

    [Test]
    public async Task A_cell_that_does_not_compile_fails_naming_the_line()
    {
        using var notebook = new ScratchNotebook(Code("var a = 1;\nvar b = missing;"));
        var failure = (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem();
        failure.Headline.ShouldStartWith("cell 2 does not compile:\n  line 2: CS0103:");
    }

    [Test]
    public async Task A_cell_past_its_time_limit_fails()
    {
        using var notebook = new ScratchNotebook(Code("// netcourse: timeout=0.3s\nawait Task.Delay(-1);"));
        var verdict = await notebook.CheckAsync();
        verdict.Failures.ShouldHaveSingleItem().Headline.ShouldBe("cell 2 ran past its time limit of 0.3 s and could not be stopped");
        verdict.LeftACellRunning.ShouldBeTrue();
    }

    [Test]
    public async Task A_time_limit_can_be_set_in_the_cell_metadata()
    {
        using var notebook = new ScratchNotebook(Code("await Task.Delay(-1);", netcourse: new JsonObject { ["timeoutSeconds"] = 0.3 }));
        (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem().Headline.ShouldStartWith("cell 2 ran past its time limit of 0.3 s");
    }

    [Test]
    public async Task A_no_compare_first_line_skips_the_comparison()
    {
        using var notebook = new ScratchNotebook(Code("// netcourse: no-compare\nConsole.WriteLine(Guid.NewGuid());", Stdout("stale\n")));
        (await notebook.CheckAsync()).Passed.ShouldBeTrue();
    }

    [Test]
    public async Task A_compare_false_in_the_cell_metadata_skips_the_comparison()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(Guid.NewGuid());", Stdout("stale\n"), new JsonObject { ["compare"] = false }));
        (await notebook.CheckAsync()).Passed.ShouldBeTrue();
    }

    [Test]
    public async Task A_nuget_reference_fails_with_a_sentence_instead_of_a_compile_error()
    {
        using var notebook = new ScratchNotebook(Code("#r \"nuget: Newtonsoft.Json\""));
        (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem().Headline.ShouldStartWith("cell 2 line 1: NuGet references need the Polyglot engine");
    }
}
