namespace NetCourse.Lesson03;

/// <summary>
/// Turns the arguments a shell hands the program into a <see cref="Command"/>. C#'s
/// <c>args</c> holds only the arguments: unlike C's <c>argv</c> or Go's <c>os.Args</c>, the
/// program's own name is not <c>args[0]</c>.
/// </summary>
public static class CommandLine
{
    /// <summary>Parses <paramref name="args"/>; a <see cref="UsageException"/> says what is wrong with them.</summary>
    public static Command Parse(IReadOnlyList<string> args) =>
        throw new NotImplementedException("Task 3: sort the arguments into options and positionals (in any order, until --), then build a HelpCommand, SendCommand or ReceiveCommand; throw UsageException saying what is wrong.");
}
