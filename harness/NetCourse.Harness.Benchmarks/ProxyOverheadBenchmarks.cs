using System.Buffers;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NetCourse.Harness.Servers;
using NetCourse.Harness.Tcp;

namespace NetCourse.Harness.Benchmarks;

/// <summary>
/// The proxy with no fault against a direct loopback connection: throughput (4 MiB one way, then
/// a one-byte acknowledgement) and round trip (one byte echoed). Connections are opened once, so
/// only steady-state forwarding is measured. Targets: proxied throughput at least 0.6× direct,
/// at most 60 µs added to a round trip.
/// </summary>
[Config(typeof(ShortConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ProxyOverheadBenchmarks
{
    private const int TransferBytes = 4 << 20;

    private LoopbackTcpServer _acknowledger = null!, _echo = null!;
    private TcpFaultProxy _acknowledgerProxy = null!, _echoProxy = null!;
    private Socket _directBulk = null!, _proxiedBulk = null!, _directPing = null!, _proxiedPing = null!;
    private readonly byte[] _payload = new byte[TransferBytes];
    private readonly byte[] _one = new byte[1];

    [GlobalSetup]
    public async Task SetUp()
    {
        _acknowledger = await LoopbackTcpServer.StartAsync(AcknowledgeEveryTransferAsync);
        _echo = await LoopbackTcpServer.StartEchoAsync();
        _acknowledgerProxy = await TcpFaultProxy.StartAsync(_acknowledger.EndPoint, f => f.WithSeed(1));
        _echoProxy = await TcpFaultProxy.StartAsync(_echo.EndPoint, f => f.WithSeed(1));
        _directBulk = await ConnectAsync(_acknowledger.EndPoint);
        _proxiedBulk = await ConnectAsync(_acknowledgerProxy.EndPoint);
        _directPing = await ConnectAsync(_echo.EndPoint);
        _proxiedPing = await ConnectAsync(_echoProxy.EndPoint);
    }

    [GlobalCleanup]
    public async Task CleanUp()
    {
        foreach (var socket in new[] { _directBulk, _proxiedBulk, _directPing, _proxiedPing }) socket.Dispose();
        await _acknowledgerProxy.DisposeAsync();
        await _echoProxy.DisposeAsync();
        await _acknowledger.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Throughput 4 MiB")]
    public Task Direct_transfer() => TransferAsync(_directBulk);

    [Benchmark, BenchmarkCategory("Throughput 4 MiB")]
    public Task Proxied_transfer() => TransferAsync(_proxiedBulk);

    [Benchmark(Baseline = true), BenchmarkCategory("Round trip 1 B")]
    public Task Direct_round_trip() => RoundTripAsync(_directPing);

    [Benchmark, BenchmarkCategory("Round trip 1 B")]
    public Task Proxied_round_trip() => RoundTripAsync(_proxiedPing);

    private async Task TransferAsync(Socket socket)
    {
        await socket.SendAsync(_payload.AsMemory(), SocketFlags.None);
        if (await socket.ReceiveAsync(_one.AsMemory(), SocketFlags.None) != 1) throw new EndOfStreamException();
    }

    private async Task RoundTripAsync(Socket socket)
    {
        await socket.SendAsync(_one.AsMemory(), SocketFlags.None);
        if (await socket.ReceiveAsync(_one.AsMemory(), SocketFlags.None) != 1) throw new EndOfStreamException();
    }

    private static async Task AcknowledgeEveryTransferAsync(Socket socket, CancellationToken ct)
    {
        socket.NoDelay = true;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long received = 0;
            int read;
            while ((read = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, ct)) > 0)
            {
                received += read;
                if (received % TransferBytes == 0) await socket.SendAsync(new byte[1], SocketFlags.None, ct);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<Socket> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint);
        return socket;
    }
}
