using System.Collections.Concurrent;
using System.Net;
using NetCourse.Harness.Servers;

namespace NetCourse.Lesson04.Tests.Support;

/// <summary>A loopback server whose connections are handled by a test's function, with each
/// handler's result (or failure) collected in order.</summary>
public sealed class Loopback<T> : IAsyncDisposable
{
    private readonly LoopbackTcpServer _server;
    private readonly ConcurrentQueue<TaskCompletionSource<T>> _results = new();
    private readonly SemaphoreSlim _completed = new(0);

    private Loopback(LoopbackTcpServer server) => _server = server;

    public IPEndPoint EndPoint => _server.EndPoint;

    public static async Task<Loopback<T>> StartAsync(Func<Socket, CancellationToken, Task<T>> handle)
    {
        Loopback<T>? self = null;
        var server = await LoopbackTcpServer.StartAsync(async (socket, ct) =>
        {
            var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            try { result.SetResult(await handle(socket, ct)); }
            catch (Exception e) { result.SetException(e); }
            self!._results.Enqueue(result);
            self._completed.Release();
        });
        self = new Loopback<T>(server);
        return self;
    }

    /// <summary>The next handler's result, in order of completion; rethrows its exception.</summary>
    public async Task<T> NextResultAsync(TimeSpan? deadline = null)
    {
        if (!await _completed.WaitAsync(Deadline.Resolve(deadline ?? TimeSpan.FromSeconds(10))))
            throw new DeadlineExceededException("The server did not finish handling a connection in time.");
        _results.TryDequeue(out var next).ShouldBeTrue();
        return await next!.Task;
    }

    public static async Task<Socket> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var deadline = Deadline.Start();
            await socket.ConnectAsync(endPoint, deadline.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _completed.Dispose();
    }
}
