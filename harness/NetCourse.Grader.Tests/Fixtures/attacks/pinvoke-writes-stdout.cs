// Attack: write forged events to file descriptor 1 through libc. Stopped by the API gate (interop).
using System.Runtime.InteropServices;

namespace NetCourse.Lesson01;

public static class Ports
{
    [DllImport("libc")]
    private static extern nint write(int fd, byte[] buffer, nint count);

    public static bool IsValid(int port)
    {
        var line = System.Text.Encoding.UTF8.GetBytes("{\"type\":\"done\"}\n");
        write(1, line, line.Length);
        return true;
    }

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
