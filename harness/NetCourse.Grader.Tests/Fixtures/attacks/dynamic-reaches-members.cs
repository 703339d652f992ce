// Attack: call members by name through `dynamic`, out of the analyzer's sight. Stopped because
// lesson code compiles without the runtime binder.
namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port)
    {
        dynamic type = typeof(Ports);
        return type.GetMethod("Parse") is not null;
    }

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
