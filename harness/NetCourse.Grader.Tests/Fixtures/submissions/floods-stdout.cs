namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port)
    {
        // Debug output left in: tens of megabytes per call.
        for (var i = 0; i < 300_000; i++) Console.WriteLine($"checking port {port}, line {i} of a debug trace nobody will read");
        return port is >= 1 and <= 65535;
    }

    public static int Parse(string text)
    {
        var port = int.Parse(text);
        return IsValid(port) ? port : throw new FormatException($"{port} is not a port");
    }
}
