namespace NetCourse.Lesson03.Tests;

[Task(4)]
public class RealProgramTests
{
    [Test, TimeLimit(40)]
    [Hint("See Hint 4.6: Program.cs must return TransferCli.Run(args, Console.Out, Console.Error); the shell gets its exit code and output unchanged.")]
    public async Task Real_program_prints_what_the_entry_prints_for_a_path_with_spaces_and_accents()
    {
        using var temp = new TempFolder();
        var file = temp.File(Path.Combine("dossier partagé", "compte rendu — réunion.txt"), "Ordre du jour : rien.\n");
        string[] args = ["send", file, "[::1]:9000"];

        var inProcess = Cli.Run(args);
        inProcess.ExitCode.ShouldBe(ExitCodes.Success, $"In process first: {inProcess}");

        var real = await RealProgram.RunAsync(TimeSpan.FromSeconds(30), args);
        real.ShouldSatisfyAllConditions(
            () => real.ExitCode.ShouldBe(inProcess.ExitCode, $"The real program's exit code differs from the entry's. It gave:\n{real}"),
            () => real.Stdout.ShouldBe(inProcess.Stdout, $"The real program's stdout differs from the entry's. It gave:\n{real}"),
            () => real.Stderr.ShouldBeEmpty($"The real program wrote to stderr:\n{real}"));
    }
}
