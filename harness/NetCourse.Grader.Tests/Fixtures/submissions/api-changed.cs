namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValidPort(int port) => port is >= 1 and <= 65535;

    public static int Parse(string text)
    {
        var port = int.Parse(text);
        return IsValidPort(port) ? port : throw new FormatException($"{port} is not a port");
    }
}
