using System.Net;

namespace NetCourse.Lesson07;

/// <summary>Dials TCP connections to one server.</summary>
public sealed class TcpDialer(EndPoint server) : IConnectionDialer<TcpPoolConnection>
{
    public EndPoint Server { get; } = server ?? throw new ArgumentNullException(nameof(server));

    public ValueTask<TcpPoolConnection> DialAsync(CancellationToken cancellationToken) =>
        throw new NotImplementedException("Task 4: connect a new TCP socket to Server (disposing it if the connect fails) and wrap it in a TcpPoolConnection.");
}
