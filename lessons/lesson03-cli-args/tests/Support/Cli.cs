namespace NetCourse.Lesson03.Tests.Support;

/// <summary>What one run of the program produced, with line endings made "\n" on every platform.</summary>
public sealed record CliOutcome(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}--- stderr ---\n{Stderr}";
}

public static class Cli
{
    /// <summary>Runs the program's entry in process, as the real Program.cs does with the console.</summary>
    public static CliOutcome Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = TransferCli.Run(args, stdout, stderr);
        return new CliOutcome(exitCode, Normalize(stdout.ToString()), Normalize(stderr.ToString()));
    }

    public static string Normalize(string text) => text.ReplaceLineEndings("\n");

    /// <summary>The usage text as the program prints it.</summary>
    public static string UsageText => Normalize(Usage.Text);
}
