using System.Net;
using NetCourse.Harness.Redis;

namespace NetCourse.Harness.Tests.Redis;

public class RedisUrlTests
{
    [TestCase("redis://127.0.0.1:6380", "127.0.0.1", 6380)]
    [TestCase("localhost:7000", "localhost", 7000)]
    [TestCase("redis://cache", "cache", 6379)]
    [TestCase("redis://[::1]:6390", "::1", 6390)]
    public void Host_and_port_are_read_from_a_url(string url, string host, int port)
    {
        HostAndPort(RedisUrl.Parse(url).EndPoints.ShouldHaveSingleItem()).ShouldBe((host, port));
    }

    [Test]
    public void Credentials_and_database_are_read_from_a_url()
    {
        var options = RedisUrl.Parse("redis://app:s%40cret@10.0.0.5:6379/3");
        (options.User, options.Password, options.DefaultDatabase).ShouldBe(("app", "s@cret", (int?)3));
    }

    [Test]
    public void A_password_alone_is_a_password()
    {
        var options = RedisUrl.Parse("redis://:pw@host");
        (options.User, options.Password).ShouldBe(((string?)null, "pw"));
    }

    [TestCase("http://host:6379")]
    [TestCase("redis://host/notanumber")]
    [TestCase("redis://")]
    public void Something_that_is_not_a_redis_address_is_a_clear_error(string url)
    {
        Should.Throw<FormatException>(() => RedisUrl.Parse(url)).Message.ShouldContain(url);
    }

    private static (string, int) HostAndPort(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => (ip.Address.ToString(), ip.Port),
        DnsEndPoint dns => (dns.Host, dns.Port),
        _ => throw new InvalidOperationException($"unexpected end point {endPoint}"),
    };
}
