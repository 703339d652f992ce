using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;

namespace NetCourse.Lesson02.Benchmarks;

/// <summary>
/// One echo round trip on loopback, 64 payload bytes. The baseline is a raw socket talking to the
/// naive UdpClient server; the others swap in the solution's server, then the solution's client
/// (numbering, matching, a timeout per attempt).
/// </summary>
public class EchoRoundTripBenchmarks
{
    private readonly byte[] _payload = new byte[64];
    private readonly byte[] _datagram = new byte[EchoWire.HeaderSize + 64];
    private readonly byte[] _reply = new byte[Datagrams.MaxSize];
    private NaiveEchoServer _naive = null!;
    private UdpEchoServer _server = null!;
    private CancellationTokenSource _stop = null!;
    private Task _serverRun = null!;
    private Socket _raw = null!;
    private UdpEchoClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        Random.Shared.NextBytes(_payload);
        EchoWire.Write(1, _payload, _datagram);
        _naive = new NaiveEchoServer();
        _server = new UdpEchoServer(new IPEndPoint(IPAddress.Loopback, 0));
        _stop = new CancellationTokenSource();
        _serverRun = _server.RunAsync(_stop.Token);
        _raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _raw.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _client = new UdpEchoClient(_server.LocalEndPoint, new EchoClientOptions(TimeSpan.FromSeconds(5), 3));
    }

    [Benchmark(Baseline = true, Description = "raw socket → naive UdpClient server")]
    public Task<int> RawToNaiveServer() => RawRoundTripAsync(_naive.EndPoint);

    [Benchmark(Description = "raw socket → solution server")]
    public Task<int> RawToSolutionServer() => RawRoundTripAsync(_server.LocalEndPoint);

    [Benchmark(Description = "solution client → solution server")]
    public async Task<int> ClientToSolutionServer() => (await _client.EchoAsync(_payload)).Payload.Length;

    private async Task<int> RawRoundTripAsync(IPEndPoint server)
    {
        await _raw.SendToAsync(_datagram, SocketFlags.None, server);
        return await _raw.ReceiveAsync(_reply, SocketFlags.None);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
        _stop.Cancel();
        await _serverRun;
        await _server.DisposeAsync();
        await _naive.DisposeAsync();
    }
}
