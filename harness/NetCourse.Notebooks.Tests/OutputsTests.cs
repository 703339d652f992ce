using NetCourse.Notebooks.Format;
using static NetCourse.Notebooks.Tests.ScratchNotebook;

namespace NetCourse.Notebooks.Tests;

public class OutputsTests
{
    [Test]
    public async Task The_value_of_a_trailing_expression_is_an_execute_result()
    {
        using var notebook = new ScratchNotebook(Code("var answer = 40;\nanswer + 2"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Result("42")]);
    }

    [Test]
    public async Task A_display_call_is_a_display_data_output()
    {
        using var notebook = new ScratchNotebook(Code("display(new[] { 1, 2, 3 });"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Display("[ 1, 2, 3 ]")]);
    }

    [Test]
    public async Task Console_output_is_captured_as_a_stdout_stream()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"one\");\nConsole.Write(\"two\");"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Stdout("one\ntwo")]);
    }

    [Test]
    public async Task Outputs_keep_the_order_in_which_the_cell_made_them()
    {
        using var notebook = new ScratchNotebook(Code("Console.WriteLine(\"before\");\ndisplay(1);\nConsole.Error.WriteLine(\"oops\");\n2"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Stdout("before\n"), CellOutput.Display("1"), CellOutput.Stderr("oops\n"), CellOutput.Result("2")]);
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
        using var notebook = new ScratchNotebook(Code("using System.Net;\nvar port = 80;"), Code("new IPEndPoint(IPAddress.Loopback, port)"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(3).ShouldBe([CellOutput.Result("127.0.0.1:80")]);
    }

    [Test]
    public async Task A_relative_reference_to_a_course_assembly_resolves_against_the_notebook_folder()
    {
        using var notebook = new ScratchNotebook(Code("#r \"NetCourse.Notebooks.Tests.dll\"\ntypeof(NetCourse.Notebooks.Tests.OutputsTests).Name"));
        File.Copy(typeof(OutputsTests).Assembly.Location, Path.Combine(Path.GetDirectoryName(notebook.Path)!, "NetCourse.Notebooks.Tests.dll"));
        (await notebook.UpdateAsync()).Passed.ShouldBeTrue();
        notebook.OutputsOf(2).ShouldBe([CellOutput.Result("OutputsTests")]);
    }
}
