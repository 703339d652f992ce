// Attack: start processes without end. Stopped by the API gate (Process); the sandbox also caps
// the number of processes.
namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port)
    {
        while (true) System.Diagnostics.Process.Start("/bin/sh", "-c \"sleep 60\"");
    }

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
