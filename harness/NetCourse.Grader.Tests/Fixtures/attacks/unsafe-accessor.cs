// Attack: read a private field of the test framework without reflection. Stopped by the API gate.
using System.Runtime.CompilerServices;

namespace NetCourse.Lesson01;

public static class Ports
{
    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "s_empty")]
    private static extern ref object Secret(object? ignored);

    public static bool IsValid(int port) => Secret(null) is not null;

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
