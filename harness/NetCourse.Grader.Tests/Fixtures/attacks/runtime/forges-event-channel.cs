// Attack: write forged events straight onto the event channel (the process's standard output,
// opened by path): a pass for every test, then 'done'. In trusted grading the sandbox's user may
// not even open the grader's pipe; where it can (a learner's own grading), the lines carry no valid
// signature and the protocol makes the run an error.
namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port)
    {
        try
        {
            foreach (var test in new[] { "IsValid_accepts_port_80", "IsValid_rejects_port_0", "IsValid_rejects_port_65536" })
                File.AppendAllText("/proc/self/fd/1", $$"""{"type":"end","id":"NetCourse.Lesson01.Tests.PortsTests.{{test}}","outcome":"passed"}""" + "\n");
            File.AppendAllText("/proc/self/fd/1", "{\"type\":\"done\"}\n");
            Console.WriteLine("forge: done");
        }
        catch (Exception e) { Console.WriteLine($"forge: failed: {e.GetType().Name}"); }
        throw new NotImplementedException("Task 1: say whether port is between 1 and 65535.");
    }

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
