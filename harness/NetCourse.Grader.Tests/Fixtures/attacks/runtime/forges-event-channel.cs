// Attack: write forged events straight onto the event channel (the process's standard output,
// opened by path), a pass for every test and 'done', from the first test and again from a thread
// after the host's own 'done'. Stopped by the protocol: the lines carry no valid signature.
namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port)
    {
        foreach (var test in new[] { "IsValid_accepts_port_80", "IsValid_rejects_port_0", "IsValid_rejects_port_65536" })
            File.AppendAllText("/proc/self/fd/1", $$"""{"type":"end","id":"NetCourse.Lesson01.Tests.PortsTests.{{test}}","outcome":"passed"}""" + "\n");
        File.AppendAllText("/proc/self/fd/1", "{\"type\":\"done\"}\n");
        return port is >= 1 and <= 65535;
    }

    public static int Parse(string text) => throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
}
