namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port)
    {
        while (port == 0) { } // a loop that never ends
        return port <= 65535;
    }

    public static int Parse(string text) => int.Parse(text);
}
