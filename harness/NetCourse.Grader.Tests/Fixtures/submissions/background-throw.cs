namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port) => port is >= 1 and <= 65535;

    public static int Parse(string text)
    {
        var worker = new Thread(() => throw new InvalidOperationException("the worker thread failed"));
        worker.Start();
        worker.Join();
        return int.Parse(text);
    }
}
