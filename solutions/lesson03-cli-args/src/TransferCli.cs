namespace NetCourse.Lesson03;

/// <summary>
/// The program's single entry, written against writers instead of <see cref="Console"/> so tests
/// run it in process; Program.cs passes the real console. Exit codes: <see cref="ExitCodes"/>.
/// </summary>
public static class TransferCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        Command command;
        try
        {
            command = CommandLine.Parse(args);
        }
        catch (UsageException e)
        {
            // The complaint first, then the usage: the reader sees what was wrong, then how to fix it.
            stderr.WriteLine($"{Usage.ProgramName}: {e.Message}");
            stderr.Write(Usage.Text);
            return ExitCodes.Usage;
        }

        try
        {
            switch (command)
            {
                case HelpCommand: stdout.Write(Usage.Text); break;
                case SendCommand send: stdout.WriteLine(CommandRunner.Send(send)); break;
                case ReceiveCommand receive: stdout.WriteLine(CommandRunner.Receive(receive)); break;
                default: throw new InvalidOperationException($"no handler for {command}");
            }
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A runtime failure is one line: what happened, with the path or port it happened to.
            stderr.WriteLine($"{Usage.ProgramName}: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
    }
}
