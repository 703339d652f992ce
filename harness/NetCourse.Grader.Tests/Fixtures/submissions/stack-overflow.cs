namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port) => port == 0 ? IsValid(port) : port <= 65535;

    public static int Parse(string text) => int.Parse(text);
}
