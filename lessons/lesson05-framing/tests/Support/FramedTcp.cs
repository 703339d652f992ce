using System.Net.Sockets;
using NetCourse.Harness.Servers;
using NetCourse.Harness.Tcp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Lesson05.Tests.Support;

/// <summary>What a server decoding one connection received: its frames, and the error that ended it.</summary>
public sealed record Received(IReadOnlyList<byte[]> Frames, Exception? Error);

/// <summary>
/// A real TCP exchange on loopback: a client writes bytes (one send per write) through the
/// harness's fault proxy to a server that reads them with the learner's
/// <see cref="FrameStreamExtensions.ReadFramesAsync"/>, then half-closes.
/// </summary>
public static class FramedTcp
{
    public static async Task<Received> SendAsync(IFrameDecoder decoder, IEnumerable<byte[]> writes, Action<TcpFaults> faults,
        TimeSpan? deadline = null)
    {
        var received = new TaskCompletionSource<Received>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackTcpServer.StartAsync(async (socket, ct) =>
        {
            var frames = new List<byte[]>();
            try
            {
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                await foreach (var frame in stream.ReadFramesAsync(decoder, ct)) frames.Add(frame);
                received.TrySetResult(new(frames, null));
            }
            catch (Exception e)
            {
                received.TrySetResult(new(frames, e));
            }
        });
        await using var proxy = await TcpFaultProxy.StartAsync(server.EndPoint, faults);

        using var client = new Socket(proxy.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (var connecting = Deadline.Start()) await client.ConnectAsync(proxy.EndPoint, connecting.Token);
        foreach (var write in writes)
        {
            using var sending = Deadline.Start();
            await client.SendAsync(write, SocketFlags.None, sending.Token);
        }
        client.Shutdown(SocketShutdown.Send); // half-close: the server's end of stream

        return await received.Task.WithDeadline(deadline ?? TimeSpan.FromSeconds(20), "the server to read the whole stream");
    }
}
