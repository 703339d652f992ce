using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson02.Benchmarks;

/// <summary>
/// The baseline: the echo server most first attempts look like, on UdpClient. Each receive
/// allocates a new array and a result; otherwise it is correct (it answers each sender).
/// </summary>
internal sealed class NaiveEchoServer : IAsyncDisposable
{
    private readonly UdpClient _udp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public NaiveEchoServer()
    {
        _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_udp.Client.LocalEndPoint!;
        _loop = Task.Run(LoopAsync);
    }

    public IPEndPoint EndPoint { get; }

    private async Task LoopAsync()
    {
        try
        {
            while (true)
            {
                var received = await _udp.ReceiveAsync(_stop.Token);
                await _udp.SendAsync(received.Buffer, received.RemoteEndPoint, _stop.Token);
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _udp.Dispose();
    }
}
