using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;

namespace NetCourse.Lesson04.Benchmarks;

/// <summary>
/// 1 GiB over loopback into a file. The baseline is the Go material's transfer at its simplest:
/// write the bytes to a socket, read them into a file, no header, no checksum, no rename.
/// Target: the real transfer at ≥ 0.7× its throughput (ratio ≤ 1.43).
/// </summary>
public class TransferBenchmarks
{
    private const long Size = 1L << 30;
    private const int BufferSize = 64 * 1024;

    private string _folder = "";
    private Socket _listener = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A memory file system when there is one (Linux): the benchmark compares protocols, and
        // a disk's write-back stalls would drown the difference.
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _folder = Path.Combine(root, "netcourse-l04-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(8);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [IterationCleanup]
    public void RemoveFiles()
    {
        foreach (var file in Directory.EnumerateFiles(_folder)) File.Delete(file);
    }

    [Benchmark(Baseline = true, Description = "plain socket copy, 1 GiB")]
    public async Task PlainCopy()
    {
        var (client, server) = await ConnectAsync();
        using (client)
        using (server)
        {
            var receive = Task.Run(async () =>
            {
                await using var input = new NetworkStream(server);
                await using var file = new FileStream(Path.Combine(_folder, "plain.bin"), FileMode.Create, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
                await input.CopyToAsync(file, BufferSize);
            });
            await using (var output = new NetworkStream(client))
            await using (var content = new GeneratedContent(Size))
                await content.CopyToAsync(output, BufferSize);
            client.Shutdown(SocketShutdown.Send);
            await receive;
        }
    }

    [Benchmark(Description = "FileSender → FileReceiver, 1 GiB")]
    public async Task FileTransfer()
    {
        var (client, server) = await ConnectAsync();
        using (client)
        using (server)
        {
            var receiver = new FileReceiver(new ReceiverOptions(_folder));
            var receive = receiver.ReceiveAsync(server);
            await using var content = new GeneratedContent(Size);
            var reply = await FileSender.SendAsync(client, "transfer.bin", content, Size);
            if (!reply.IsOk || !(await receive).IsOk) throw new InvalidOperationException($"The transfer failed: {reply.Message}");
        }
    }

    private async Task<(Socket Client, Socket Server)> ConnectAsync()
    {
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accept = _listener.AcceptAsync();
        await client.ConnectAsync(_listener.LocalEndPoint!);
        return (client, await accept);
    }
}
