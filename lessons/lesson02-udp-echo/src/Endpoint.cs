using System.Net;

namespace NetCourse.Lesson02;

// The rest of Endpoint (Parse, ParsePort, ToString) is given: src/Given/Endpoint.cs.
public readonly partial record struct Endpoint
{
    /// <summary>
    /// The address to send to: an IP literal as it is, a host name through DNS (the first
    /// address it resolves to; <c>localhost</c> comes from the hosts file).
    /// </summary>
    public Task<IPEndPoint> ResolveAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Task 1: return an IP literal as it is; look a host name up with Dns.GetHostAddressesAsync.");
}
