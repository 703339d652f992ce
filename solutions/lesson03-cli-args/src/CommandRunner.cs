using System.Net.Sockets;

namespace NetCourse.Lesson03;

/// <summary>
/// Carries out a parsed command as far as this lesson goes: each checks what can fail at run
/// time and returns the one line that says what it will do. lesson04 hands the same commands to
/// the transfer itself.
/// </summary>
internal static class CommandRunner
{
    public static string Send(SendCommand command)
    {
        var file = FileFacts.Of(command.File);
        return $"send '{file.Name}' ({file.Length} bytes) to {command.Destination}";
    }

    public static string Receive(ReceiveCommand command)
    {
        var directory = Path.GetFullPath(command.Directory ?? Environment.CurrentDirectory);
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"no such directory: '{command.Directory}'");
        ClaimPort(command.Port);
        var existing = command.Overwrite ? "existing files replaced" : "existing files kept";
        return $"receive on port {command.Port} into '{directory}' ({existing})";
    }

    // Binding is the only honest test of "is this port free?": another program may take it
    // between any check and the bind.
    private static void ClaimPort(int port)
    {
        // Create listens on every interface, IPv6 and IPv4 alike where the system has both.
        using var listener = TcpListener.Create(port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new IOException($"port {port} is already in use", e);
        }
        catch (SocketException e)
        {
            throw new IOException($"cannot listen on port {port}: {e.Message}", e);
        }
    }
}
