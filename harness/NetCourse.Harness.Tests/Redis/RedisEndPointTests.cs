using NetCourse.Redis;

namespace NetCourse.Harness.Tests.Redis;

public class RedisEndPointTests
{
    [TestCase("redis://127.0.0.1:6380", "127.0.0.1", 6380)]
    [TestCase("localhost:7000", "localhost", 7000)]
    [TestCase("redis://cache", "cache", 6379)]
    [TestCase("redis://[::1]:6390", "::1", 6390)]
    public void Host_and_port_are_read_from_a_url(string url, string host, int port)
    {
        var endPoint = RedisEndPoint.Parse(url);
        (endPoint.Host, endPoint.Port).ShouldBe((host, port));
    }

    [Test]
    public void Credentials_and_database_are_read_from_a_url()
    {
        RedisEndPoint.Parse("redis://app:s%40cret@10.0.0.5:6379/3").ShouldBe(new RedisEndPoint("10.0.0.5", 6379, "app", "s@cret", 3));
    }

    [Test]
    public void A_password_alone_is_a_password()
    {
        RedisEndPoint.Parse("redis://:pw@host").ShouldBe(new RedisEndPoint("host", 6379, null, "pw", 0));
    }

    [TestCase("http://host:6379")]
    [TestCase("redis://host/notanumber")]
    [TestCase("redis://")]
    public void Something_that_is_not_a_redis_address_is_a_clear_error(string url)
    {
        Should.Throw<FormatException>(() => RedisEndPoint.Parse(url)).Message.ShouldContain(url);
    }
}
