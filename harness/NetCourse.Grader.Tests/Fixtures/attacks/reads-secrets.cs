// Attack: read the CI's token from the environment. Stopped by the API gate; the sandbox also
// starts the test process with an environment of a few named variables.
namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port)
    {
        Console.WriteLine(Environment.GetEnvironmentVariable("GITHUB_TOKEN"));
        return true;
    }

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
