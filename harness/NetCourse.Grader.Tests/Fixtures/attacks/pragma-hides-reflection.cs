// Attack: switch the API gate's diagnostic off for this file. Stopped by the gate's source check.
#pragma warning disable RS0030
namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port) => typeof(Ports).GetMethod("IsValid") is not null;

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
