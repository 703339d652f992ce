using NetCourse.Notebooks.Checking;
using NetCourse.Notebooks.Format;
using static NetCourse.Notebooks.Tests.ScratchNotebook;

namespace NetCourse.Notebooks.Tests;

/// <summary>The outputs an update stores are the ones VS Code's Polyglot Notebooks stores for the same cell.</summary>
public class OutputsTests
{
    [Test]
    public async Task The_value_of_a_trailing_expression_is_stored_as_html_display_data()
    {
        using var notebook = new ScratchNotebook(Code("var answer = 40;\nanswer + 2"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        Shown(notebook.OutputsOf(2)).ShouldBe([CellOutput.Display(PlainTextHtml("42"), CellOutput.Html)]);
    }

    [Test]
    public async Task A_string_value_is_stored_as_plain_text()
    {
        using var notebook = new ScratchNotebook(Code("\"SYN\" + \"-ACK\""));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Display("SYN-ACK")]);
    }

    [Test]
    public async Task A_display_call_is_a_display_data_output()
    {
        using var notebook = new ScratchNotebook(Code("display(\"ACK\");"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Display("ACK")]);
    }

    [Test]
    public async Task Console_writes_that_follow_each_other_are_one_stdout_stream()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"one\");\nConsole.Write(\"two\");"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Stdout("one\ntwo")]);
    }

    [Test]
    public async Task Outputs_keep_the_order_in_which_the_cell_made_them()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"before\");\ndisplay(\"1\");\nConsole.Error.WriteLine(\"oops\");\n\"2\""));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Stdout("before\n"), CellOutput.Display("1"), CellOutput.Stderr("oops\n"), CellOutput.Display("2")]);
    }

    [Test]
    public async Task A_cell_ending_in_a_void_call_shows_no_value()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"hi\")"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Stdout("hi\n")]);
    }

    [Test]
    public async Task Variables_and_usings_flow_from_one_cell_to_the_next()
    {
        using var notebook = new ScratchNotebook(Code("using System.Net;\nvar port = 80;"), Code("new IPEndPoint(IPAddress.Loopback, port).ToString()"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(3).ShouldBe([CellOutput.Display("127.0.0.1:80")]);
    }

    [Test]
    public async Task A_relative_reference_to_a_course_assembly_resolves_against_the_notebook_folder()
    {
        using var notebook = new ScratchNotebook(Code("#r \"NetCourse.Notebooks.Tests.dll\"\ntypeof(NetCourse.Notebooks.Tests.OutputsTests).Name"));
        File.Copy(typeof(OutputsTests).Assembly.Location, Path.Combine(Path.GetDirectoryName(notebook.Path)!, "NetCourse.Notebooks.Tests.dll"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Display("OutputsTests")]);
    }

    private static IEnumerable<CellOutput> Shown(IEnumerable<CellOutput> outputs) =>
        outputs.Select(o => o.MimeType == CellOutput.Html ? o with { Text = OutputText.StableHtml(o.Text) } : o);
}
