using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson06.Benchmarks;

/// <summary>
/// Memory held per idle connection: a server holds N connections that send nothing, and the
/// managed heap (after a full collection) is compared with the heap before. The clients live in a
/// child process, so the server's process holds only its own sockets (and the file descriptor
/// limit is shared by half as many).
/// </summary>
public static class IdleMemory
{
    /// <summary>Measures both servers, each in a fresh process of its own, so that neither sees
    /// what the other left on the heap.</summary>
    public static async Task<int> RunAsync(int connections)
    {
        Console.WriteLine($"Memory per idle connection, {connections:N0} connections (managed heap after a full GC):");
        var baseline = await MeasureInChildAsync("naive", connections);
        var solution = await MeasureInChildAsync("line", connections);
        Console.WriteLine($"  {"naive server (baseline)",-24} {baseline / 1024:0.00} KB per connection");
        Console.WriteLine($"  {"LineServer",-24} {solution / 1024:0.00} KB per connection");
        Console.WriteLine($"  ratio LineServer / naive: {solution / baseline:0.00}");
        return 0;
    }

    private static async Task<double> MeasureInChildAsync(string server, int connections)
    {
        using var child = Process.Start(new ProcessStartInfo(SelfPath, [.. SelfArguments, "measure-idle", server, connections.ToString()])
        { RedirectStandardOutput = true })!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        return double.Parse(output.Trim().Split('\n')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One measurement: prints the bytes per connection on its last line.</summary>
    public static async Task<int> MeasureOneAsync(string server, int connections)
    {
        var bytes = server == "naive"
            ? await MeasureAsync("naive", connections, () =>
            {
                var naive = new NaiveServer();
                return Task.FromResult<(IPEndPoint, Func<int>, Func<ValueTask>)>((naive.EndPoint, () => naive.Connected, () => naive.DisposeAsync()));
            })
            : await MeasureAsync("line", connections, () =>
            {
                var line = new LineServer(RandomNumbers.Handler(), new LineServerOptions { MaxConnections = connections + 100, Backlog = 4_096 });
                line.Start();
                return Task.FromResult<(IPEndPoint, Func<int>, Func<ValueTask>)>((line.LocalEndPoint, () => line.ActiveConnections, () => line.DisposeAsync()));
            });
        Console.WriteLine(bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }

    // This program again: through `dotnet` (then naming the assembly) or through its own app host.
    private static string SelfPath => Environment.ProcessPath!;

    private static string[] SelfArguments =>
        Path.GetFileNameWithoutExtension(SelfPath) == "dotnet" ? [typeof(IdleMemory).Assembly.Location] : [];

    private static async Task<double> MeasureAsync(string name, int connections,
        Func<Task<(IPEndPoint EndPoint, Func<int> Connected, Func<ValueTask> Stop)>> start)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var (endPoint, connected, stop) = await start();
        using var clients = Process.Start(new ProcessStartInfo(SelfPath, [.. SelfArguments, "hold-clients", endPoint.Port.ToString(), connections.ToString()])
        { RedirectStandardInput = true })!;
        var watch = Stopwatch.StartNew();
        while (connected() < connections)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(2) || clients.HasExited)
                throw new InvalidOperationException($"{name}: only {connected()} of {connections} connections after {watch.Elapsed}.");
            await Task.Delay(100);
        }
        await Task.Delay(500);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perConnection = (after - before) / (double)connections;
        clients.StandardInput.Close();
        await clients.WaitForExitAsync();
        await stop();
        return perConnection;
    }

    /// <summary>The child process: opens <paramref name="connections"/> idle connections and holds
    /// them until its standard input closes.</summary>
    public static async Task<int> HoldClientsAsync(int port, int connections)
    {
        var server = new IPEndPoint(IPAddress.Loopback, port);
        var sockets = new List<Socket>(connections);
        for (var i = 0; i < connections; i += 100)
            sockets.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(100, connections - i)).Select(async _ =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(server);
                return socket;
            })));
        await Console.In.ReadToEndAsync();
        sockets.ForEach(s => s.Dispose());
        return 0;
    }
}
