// Attack: reach NUnit's execution context by reflection and mark the running test passed.
// Stopped by the API gate (reflection types and the members that find members by name).
using System.Reflection;

namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port)
    {
        var context = Type.GetType("NUnit.Framework.Internal.TestExecutionContext, nunit.framework")!;
        var current = context.GetProperty("CurrentContext", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var result = current.GetType().GetProperty("CurrentResult")!.GetValue(current)!;
        result.GetType().GetMethod("SetResult", [typeof(object)])!.Invoke(result, [null]);
        return true;
    }

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
