// Attack: before any test runs, read the event file's path from the command line, write a pass for
// every test, and end the process. Stopped by the API gate (ModuleInitializer, GetCommandLineArgs,
// OpenStandardOutput, Exit); and the event channel takes no path and only signed lines.
namespace NetCourse.Lesson01;

public static class Ports
{
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Forge()
    {
        var args = Environment.GetCommandLineArgs();
        using var events = new StreamWriter(Console.OpenStandardOutput());
        foreach (var test in new[] { "IsValid_accepts_port_80", "IsValid_rejects_port_0" })
            events.WriteLine($$"""{"type":"end","id":"{{args[0]}}.{{test}}","outcome":"passed"}""");
        Environment.Exit(0);
    }

    public static bool IsValid(int port) => throw new NotImplementedException("Task 1: say whether port is between 1 and 65535.");

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
