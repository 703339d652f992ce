using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson07.Tests.Support;

/// <summary>A listening socket on 127.0.0.1, port 0, that the test accepts from explicitly.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly Socket _listener;

    private LoopbackServer(Socket listener) => _listener = listener;

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public static Task<LoopbackServer> StartAsync()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        return Task.FromResult(new LoopbackServer(listener));
    }

    /// <summary>A loopback port bound but never listened on, for as long as the result is not
    /// disposed: the kernel answers a SYN to it with a reset, so every connect is refused.</summary>
    public static ClosedPort BindClosedPort()
    {
        var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new ClosedPort(holder);
    }

    public sealed class ClosedPort(Socket holder) : IDisposable
    {
        public IPEndPoint EndPoint { get; } = (IPEndPoint)holder.LocalEndPoint!;

        public void Dispose() => holder.Dispose();
    }

    public Task<Socket> AcceptAsync() => _listener.AcceptAsync().WithDeadline(what: "the server accepting the pool's connection");

    /// <summary>Waits (bounded) until something is readable on <paramref name="client"/>: the
    /// server's FIN or bytes, observed without the code under test.</summary>
    public static Task UntilReadableAsync(Socket client) =>
        Wait.UntilAsync(() => client.Poll(0, SelectMode.SelectRead), what: "the server's FIN (or bytes) reaching the client socket");

    public ValueTask DisposeAsync()
    {
        _listener.Dispose();
        return ValueTask.CompletedTask;
    }
}
