// Attack: read the process's memory (the event key) through a pointer. Stopped by the compiler:
// lesson projects never allow unsafe code.
namespace NetCourse.Lesson01;

public static class Ports
{
    public static unsafe bool IsValid(int port)
    {
        var p = (byte*)&port;
        return p[-4096] == 0;
    }

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
