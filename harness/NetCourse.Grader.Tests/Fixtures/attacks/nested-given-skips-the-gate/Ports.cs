namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port) => throw new NotImplementedException("Task 1: say whether port is between 1 and 65535.");

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
