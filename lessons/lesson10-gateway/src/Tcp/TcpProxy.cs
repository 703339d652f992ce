using System.Net;

namespace NetCourse.Lesson10;

/// <summary>
/// A layer-4 proxy: every connection to <see cref="EndPoint"/> is spliced to one backend chosen per
/// connection. Bytes pass through untouched, and so does a half-close.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    // Made by Start only.
    private TcpProxy() { }

    public IPEndPoint EndPoint =>
        throw new NotImplementedException("Task 9: where the proxy listens.");

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0: a free port) and starts accepting.
    /// The backends' addresses are <c>tcp://host:port</c>.</summary>
    public static TcpProxy Start(IBalancer balancer, int port = 0) =>
        throw new NotImplementedException("Task 9: bind and listen on loopback, then accept in a loop: pick a backend per connection, connect, and splice both directions.");

    public ValueTask DisposeAsync() =>
        throw new NotImplementedException("Task 9: stop accepting, close the listener, and wait for the connections to end.");
}
