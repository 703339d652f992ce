using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson02;

// The rest of Endpoint (Parse, ParsePort, ToString) is given: lessons/lesson02-udp-echo/src/Given/Endpoint.cs.
public readonly partial record struct Endpoint
{
    /// <summary>
    /// The address to send to: an IP literal as it is, a host name through DNS (the first
    /// address it resolves to; <c>localhost</c> comes from the hosts file).
    /// </summary>
    public async Task<IPEndPoint> ResolveAsync(CancellationToken cancellationToken = default)
    {
        // A literal needs no lookup, and must not get one: DNS could answer for "::1" differently.
        if (IPAddress.TryParse(Host, out var literal)) return new IPEndPoint(literal, Port);
        var addresses = await Dns.GetHostAddressesAsync(Host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        return new IPEndPoint(addresses[0], Port);
    }
}
