namespace NetCourse.Lesson01;

// all-pass, written with a lambda and an async helper: the compiler adds private types (a closure,
// a state machine), but nothing a caller binds to changes.
public static class Ports
{
    private static readonly Func<int, bool> InRange = port => port is >= 1 and <= 65535;

    public static bool IsValid(int port) => InRange(port);

    public static int Parse(string text) => ParseAsync(text).GetAwaiter().GetResult();

    private static async Task<int> ParseAsync(string text)
    {
        await Task.CompletedTask;
        var port = int.Parse(text);
        return IsValid(port) ? port : throw new FormatException($"{port} is not a port");
    }
}
