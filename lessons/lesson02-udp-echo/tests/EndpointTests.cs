namespace NetCourse.Lesson02.Tests;

// Endpoint.Parse is given in this lesson; lesson03's tests check the parser its learners write.
[Task(1)]
public class EndpointTests
{
    [Test, Hint("See Hint 1.1: an IP literal needs no lookup: IPAddress.Parse(Host) with the port.")]
    public async Task ResolveAsync_of_an_IP_literal_gives_that_address()
    {
        var resolved = await new Endpoint("::1", 7007).ResolveAsync().WithDeadline();
        resolved.ShouldBe(new IPEndPoint(IPAddress.IPv6Loopback, 7007));
    }

    [Test, Hint("See Hint 1.1: look a host name up with Dns.GetHostAddressesAsync; localhost is a loopback address.")]
    public async Task ResolveAsync_of_localhost_gives_a_loopback_address()
    {
        var resolved = await new Endpoint("localhost", 7007).ResolveAsync().WithDeadline();
        IPAddress.IsLoopback(resolved.Address).ShouldBeTrue($"localhost resolved to {resolved.Address}, which is not a loopback address.");
        resolved.Port.ShouldBe(7007);
    }
}
