using System.Net;
using System.Net.Sockets;
using NetCourse.Lesson03;
using NetCourse.Lesson04;

/// <summary><c>send</c>: lesson03's FileFacts and Endpoint, then lesson04's FileSender over one connection.</summary>
internal static class Sending
{
    public static async Task<int> RunAsync(SendCommand command, ProgramContext run)
    {
        FileFacts facts;
        try { facts = FileFacts.Of(command.File); }
        catch (IOException e)
        {
            run.Error.WriteLine($"transfer: {e.Message}");
            return ExitCodes.Failure;
        }
        var destination = command.Destination;
        run.Output.WriteLine($"send '{facts.Name}' ({facts.Length} bytes) to {destination}");

        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            var addresses = IPAddress.TryParse(destination.Host, out var address) ? [address] : await Dns.GetHostAddressesAsync(destination.Host, run.Stop);
            await socket.ConnectAsync(addresses, destination.Port, run.Stop);
        }
        catch (SocketException e)
        {
            run.Error.WriteLine($"transfer: could not connect to {destination}: {e.Message}. Is a receiver running? {run.Command} receive DIR --port {destination.Port}");
            return ExitCodes.Failure;
        }
        var reply = await FileSender.SendFileAsync(socket, facts.FullPath, run.Stop);
        run.Output.WriteLine($"receiver: {reply.Status} — {reply.Message}");
        return reply.IsOk ? ExitCodes.Success : ExitCodes.Failure;
    }
}
