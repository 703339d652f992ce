namespace NetCourse.Lesson03;

/// <summary>
/// The program's single entry, written against writers instead of <see cref="Console"/> so tests
/// run it in process; Program.cs passes the real console. Exit codes: <see cref="ExitCodes"/>.
/// </summary>
public static class TransferCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        throw new NotImplementedException("Task 4: parse args, then print the usage, the command's one line or the error, and return 0, 1 or 2 as the README's table says.");
}
