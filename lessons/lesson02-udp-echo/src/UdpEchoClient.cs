using System.Net;

namespace NetCourse.Lesson02;

/// <summary>
/// Sends numbered echo requests to one server and waits for the matching reply, retrying after
/// each timeout up to a budget. UDP may lose, duplicate, reorder or delay any datagram, and
/// anyone may send one to our port: a reply counts only when it comes from the server, carries
/// the number of an attempt of the current request, and echoes its payload.
/// </summary>
public sealed class UdpEchoClient : IDisposable
{
    /// <param name="server">Where requests go; replies from anywhere else are ignored.</param>
    /// <param name="options">Timeout per attempt and attempts per request; <see cref="EchoClientOptions.Default"/> when null.</param>
    /// <param name="time">The clock for timeouts and round-trip times; the system's when null.</param>
    public UdpEchoClient(IPEndPoint server, EchoClientOptions? options = null, TimeProvider? time = null) =>
        throw new NotImplementedException("Task 3: keep the server, options and clock; bind a UDP socket of the server's address family to port 0.");

    /// <summary>The client's own endpoint: the server replies here.</summary>
    public IPEndPoint LocalEndPoint =>
        throw new NotImplementedException("Task 3: return the socket's LocalEndPoint, read once after binding.");

    /// <summary>
    /// Sends <paramref name="payload"/> (at most <see cref="EchoWire.MaxPayload"/> bytes) and returns
    /// the echo. Throws <see cref="EchoTimeoutException"/> when every attempt timed out. One
    /// request at a time per client.
    /// </summary>
    public Task<EchoReply> EchoAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 3: send EchoWire(number, payload) to the server and return the first datagram from the server that carries this request's number and payload.");

    public void Dispose() =>
        throw new NotImplementedException("Task 3: dispose the socket.");
}
