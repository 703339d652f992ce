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
    public async Task A_changed_output_fails_with_a_diff()
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
    public async Task Html_output_is_compared_without_the_formatter_style_sheet()
    {
        var stored = PlainTextHtml("42") + "<style>\r\n.dni-code-hint { font-style: italic; }\r\n</style>";
        using var notebook = new ScratchNotebook(Code("40 + 2", Display("text/html", stored)));
        var verdict = await notebook.CheckAsync();
        verdict.Passed.ShouldBeTrue(verdict.Summary);
    }

    [Test]
    public async Task A_changed_value_inside_html_output_fails()
    {
        using var notebook = new ScratchNotebook(Code("40 + 3", Display("text/html", PlainTextHtml("42"))));
        var failure = (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem();
        failure.Diff.ShouldBe(["  [display text/html]", $"- {PlainTextHtml("42")}", $"+ {PlainTextHtml("43")}"]);
    }

    [Test]
    public async Task A_throwing_cell_fails_naming_its_cell_number_and_message()
    {
        using var notebook = new ScratchNotebook(Code("var ok = true;"), Code("var route = 0;\nthrow new InvalidOperationException(\"no route\");"));
        var failure = (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem();
        failure.Headline.ShouldBe("cell 3 threw InvalidOperationException: no route");
    }

    [Test]
    public async Task The_cells_after_a_failing_cell_still_run_and_are_reported()
    {
        using var notebook = new ScratchNotebook(
            Code("throw new Exception(\"boom\");"),
            Code("Console.WriteLine(\"later\");", Stdout("stale\n")),
            Code("Console.WriteLine(\"fine\");", Stdout("fine\n")));
        var verdict = await notebook.CheckAsync();
        verdict.CellsRun.ShouldBe(3);
        verdict.Failures.Select(f => f.Cell).ShouldBe([2, 3]);
    }

    [Test]
    public async Task A_cell_that_does_not_compile_fails_naming_the_line()
    {
        using var notebook = new ScratchNotebook(Code("var a = 1;\nvar b = missing;"));
        var failure = (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem();
        failure.Headline.ShouldStartWith("cell 2 does not compile:\n  line 2: CS0103:");
    }

    [Test]
    public async Task A_cell_past_its_time_limit_is_stopped_and_the_rest_of_the_notebook_still_runs()
    {
        using var notebook = new ScratchNotebook(
            Code("var warm = true;"),
            Code("// netcourse: timeout=0.5s\nConsole.WriteLine(\"waiting\");\nawait Task.Delay(-1);"),
            Code("Console.WriteLine(\"after\");", Stdout("after\n")));
        var verdict = await notebook.CheckAsync();
        verdict.Failures.ShouldHaveSingleItem().Headline.ShouldBe("cell 3 ran past its time limit of 0.5 s and was stopped");
        verdict.CellsRun.ShouldBe(3);
        verdict.LeftACellRunning.ShouldBeFalse();
    }

    [Test]
    public async Task A_time_limit_can_be_set_in_the_cell_metadata()
    {
        using var notebook = new ScratchNotebook(Code("var warm = true;"), Code("await Task.Delay(-1);", netcourse: new JsonObject { ["timeoutSeconds"] = 0.5 }));
        (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem().Headline.ShouldStartWith("cell 3 ran past its time limit of 0.5 s");
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
    public async Task A_no_compare_cell_that_throws_still_fails()
    {
        using var notebook = new ScratchNotebook(Code("// netcourse: no-compare\nthrow new Exception(\"boom\");"));
        (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem().Headline.ShouldBe("cell 2 threw Exception: boom");
    }

    [Test]
    public async Task A_kernel_selector_magic_command_runs_as_in_Polyglot()
    {
        using var notebook = new ScratchNotebook(Code("#!csharp\nConsole.WriteLine(\"selected\");", Stdout("selected\n")));
        var verdict = await notebook.CheckAsync();
        verdict.Passed.ShouldBeTrue(verdict.Summary);
    }

    [Test]
    public async Task A_file_without_a_cells_list_is_not_a_notebook()
    {
        using var notebook = new ScratchNotebook();
        File.WriteAllText(notebook.Path, "{}");
        (await notebook.CheckAsync()).Failures.ShouldHaveSingleItem().Headline.ShouldBe("the notebook cannot be read: the file is not a notebook (it has no \"cells\" list)");
    }
}
