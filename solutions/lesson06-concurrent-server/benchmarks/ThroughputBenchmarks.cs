using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace NetCourse.Lesson06.Benchmarks;

/// <summary>Requests per second and bytes allocated per request: 100 clients, each sending lines
/// and reading the answers, with the server in the benchmark's process (so that the allocations
/// are counted). The comparison with the Go server is `compare` (Compare.cs): BenchmarkDotNet runs
/// its benchmarks one after the other, minutes apart on a shared machine, and a Go server is in a
/// process of its own.</summary>
public class ThroughputBenchmarks
{
    private const int Clients = 100;
    private const int RequestsPerClient = 20;
    private const int Requests = Clients * RequestsPerClient;

    private LineServer _server = null!;
    private NaiveServer _naive = null!;
    private Client[] _toServer = null!;
    private Client[] _toNaive = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = new LineServer(RandomNumbers.Handler(), new LineServerOptions { MaxConnections = 1_000 });
        _server.Start();
        _naive = new NaiveServer();
        _toServer = await ConnectAsync(_server.LocalEndPoint);
        _toNaive = await ConnectAsync(_naive.EndPoint);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var client in _toServer.Concat(_toNaive)) client.Dispose();
        await _server.DisposeAsync();
        await _naive.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task NaiveServer_100_clients() => Task.WhenAll(_toNaive.Select(c => c.RunAsync(RequestsPerClient)));

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task LineServer_100_clients() => Task.WhenAll(_toServer.Select(c => c.RunAsync(RequestsPerClient)));

    private static async Task<Client[]> ConnectAsync(IPEndPoint server)
    {
        var clients = new Client[Clients];
        for (var i = 0; i < Clients; i++) clients[i] = await Client.ConnectAsync(server);
        return clients;
    }

    private sealed class Client : IDisposable
    {
        private static readonly byte[] Request = Encoding.ASCII.GetBytes("next\n");
        private readonly Socket _socket;
        private readonly byte[] _buffer = new byte[256];

        private Client(Socket socket) => _socket = socket;

        public static async Task<Client> ConnectAsync(IPEndPoint server)
        {
            var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(server);
            return new Client(socket);
        }

        // Request, then read until the answer's LF: one round trip per request.
        public async Task RunAsync(int requests)
        {
            for (var i = 0; i < requests; i++)
            {
                await _socket.SendAsync(Request);
                int read;
                do read = await _socket.ReceiveAsync(_buffer);
                while (read > 0 && _buffer[read - 1] != (byte)'\n');
            }
        }

        public void Dispose() => _socket.Dispose();
    }
}
