namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port) => port is >= 0 and <= 65535;

    public static int Parse(string text)
    {
        var port = int.Parse(text);
        return IsValid(port) ? port : throw new FormatException($"{port} is not a port");
    }
}
