namespace NetCourse.Lesson01;

public static partial class Ports
{
    public static bool IsValid(int port) => Check();

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
