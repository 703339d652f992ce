// Attack: a folder path ending in src/Given/ is exempt from the API gate (it is where given code
// lives), so reflection placed here would compile. Stopped by staging: no nested Given folder is taken.
namespace NetCourse.Lesson01;

internal static class Reach
{
    internal static object? Field() => typeof(Ports).GetField("secret", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.GetValue(null);
}
