using System.Net;
using System.Net.Sockets;
using NetCourse.Lesson03;
using NetCourse.Lesson04;

/// <summary><c>receive</c>: lesson04's FileReceiver behind a loopback listener, one task per connection.</summary>
internal static class Receiving
{
    public static async Task<int> RunAsync(ReceiveCommand command, ProgramContext run)
    {
        run.Port = command.Port;
        var folder = Path.GetFullPath(command.Directory ?? ".");
        if (!Directory.Exists(folder))
        {
            run.Error.WriteLine($"transfer: there is no folder '{folder}'; create it first (mkdir).");
            return ExitCodes.Failure;
        }
        var receiver = new FileReceiver(new ReceiverOptions(folder) { AllowOverwrite = command.Overwrite });
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, command.Port));
        listener.Listen(64);
        var at = (IPEndPoint)listener.LocalEndPoint!;
        run.Listening($"lesson04 receiver into '{folder}'", at.ToString(),
            ($"{run.Command} send FILE {at}", "sends FILE; this terminal prints the receiver's verdict"),
            ($"sha256sum FILE '{Path.Combine(folder, "FILE")}'", "the same checksum twice: the copy is exact"),
            ($"nc -N {at.Address} {at.Port} < /dev/null", "a sender that gives up at once: Incomplete, nothing left in the folder"),
            ($@"printf '\0\0\0\x0c\0\0\0\0\0\0\0\x05../x' | nc -N {at.Address} {at.Port} | xxd", "a header naming ../x: a reply frame with status 01 (InvalidName)"));

        var transfers = new List<Task>();
        using (run.Stop.Register(listener.Close))
        {
            while (!run.Stop.IsCancellationRequested)
            {
                Socket connection;
                try { connection = await listener.AcceptAsync(run.Stop); }
                catch (Exception e) when (run.Stop.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or SocketException) { break; }
                transfers.RemoveAll(t => t.IsCompleted);
                transfers.Add(ReceiveOneAsync(receiver, connection, run));
            }
        }
        run.Output.WriteLine(transfers.Any(t => !t.IsCompleted) ? "Stopping: waiting up to 5 s for the transfers in progress…" : "Stopped.");
        await Task.WhenAny(Task.WhenAll(transfers), Task.Delay(TimeSpan.FromSeconds(5)));
        return ExitCodes.Success;
    }

    private static async Task ReceiveOneAsync(FileReceiver receiver, Socket connection, ProgramContext run)
    {
        await Task.Yield();
        using (connection)
        {
            var peer = connection.RemoteEndPoint;
            try
            {
                var reply = await receiver.ReceiveAsync(connection, run.Stop);
                run.Output.WriteLine($"from {peer}: {reply.Status} — {reply.Message}");
            }
            catch (NotImplementedException) { throw; }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken transfer must not stop the receiver: report it and keep serving.
                run.Output.WriteLine($"from {peer}: the receiver failed: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
