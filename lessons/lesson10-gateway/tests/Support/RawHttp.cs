namespace NetCourse.Lesson10.Tests.Support;

/// <summary>Requests an HttpClient would refuse to send (or would clean up first), written by hand.</summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> as it is and returns the status code of the answer.</summary>
    public static async Task<int> SendAsync(Uri gateway, string request)
    {
        using var deadline = Deadline.Start();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, gateway.Port), deadline.Token);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, deadline.Token);
        var received = new List<byte>();
        var buffer = new byte[4096];
        // The status line is all the tests need: read until it is complete.
        while (!Encoding.ASCII.GetString([.. received]).Contains("\r\n"))
        {
            int read;
            try { read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token); }
            catch (SocketException) { break; }
            if (read == 0) break;
            received.AddRange(buffer.AsSpan(0, read));
        }
        var statusLine = Encoding.ASCII.GetString([.. received]).Split("\r\n")[0];
        var parts = statusLine.Split(' ');
        return parts.Length >= 2 && int.TryParse(parts[1], out var status) ? status : 0;
    }
}
