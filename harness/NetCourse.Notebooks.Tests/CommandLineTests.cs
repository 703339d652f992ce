using NetCourse.Notebooks.Cli;

namespace NetCourse.Notebooks.Tests;

public class CommandLineTests
{
    [Test]
    public void Check_takes_a_repository_a_results_file_and_notebooks()
    {
        var command = CommandLine.Parse(["check", "--repo", "/r", "--results", "out.jsonl", "a.ipynb", "b.ipynb"]);
        command.ShouldBe(new CommandLine(Command.Check, "/r", "out.jsonl", command.Notebooks));
        command.Notebooks.ShouldBe(["a.ipynb", "b.ipynb"]);
    }

    [Test]
    public void An_unknown_command_is_bad_usage() =>
        Should.Throw<UsageException>(() => CommandLine.Parse(["run"])).Message.ShouldBe("unknown command 'run'");

    [Test]
    public void An_unknown_option_is_bad_usage() =>
        Should.Throw<UsageException>(() => CommandLine.Parse(["update", "--results", "x"])).Message.ShouldBe("unknown option '--results' for update");

    [Test]
    public void The_repository_is_the_nearest_folder_holding_global_json()
    {
        var root = Directory.CreateTempSubdirectory("netcourse-repo-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "global.json"), "{}");
            var nested = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;
            NotebookSelection.Repository(null, nested).ShouldBe(root);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
