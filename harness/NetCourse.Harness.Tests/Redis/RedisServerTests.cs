using System.Net.Sockets;
using NetCourse.Harness.Redis;
using NetCourse.Harness.Waiting;
using StackExchange.Redis;

namespace NetCourse.Harness.Tests.Redis;

// Against a real redis-server: one private server (or REDIS_URL's) and one multiplexer for the
// fixture, as the lessons' tests share them; each test works in a keyspace of its own.
public class RedisServerTests
{
    private RedisServer _server = null!;
    private RedisKeyspace _keys = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await RedisServer.StartAsync().WithDeadline(TimeSpan.FromSeconds(15), "starting redis-server");

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [SetUp]
    public void NewKeyspace() => _keys = _server.NewKeyspace();

    [TearDown]
    public async Task DropKeyspace() => await _keys.DisposeAsync();

    private IDatabase Db => _keys.Database;

    private RedisKey Key(string name) => _keys.Prefix + name;

    [Test]
    public async Task Ping_is_answered()
    {
        (await Db.PingAsync().WithDeadline()).ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
    }

    [Test]
    public async Task A_value_set_is_read_back()
    {
        await Db.StringSetAsync(Key("greeting"), "hello\r\nworld").WithDeadline();
        ((string?)await Db.StringGetAsync(Key("greeting")).WithDeadline()).ShouldBe("hello\r\nworld");
    }

    [Test]
    public void Each_keyspace_has_its_own_prefix()
    {
        _server.NewKeyspace().Prefix.ShouldNotBe(_keys.Prefix);
    }

    [Test]
    public async Task Disposing_a_keyspace_deletes_its_keys_and_no_other()
    {
        var other = _server.NewKeyspace();
        await other.Database.StringSetAsync(other.Prefix + "a", "1").WithDeadline();
        await Db.StringSetAsync(Key("b"), "2").WithDeadline();
        await other.DisposeAsync();
        (await other.KeysAsync().WithDeadline()).ShouldBeEmpty();
        (await _keys.KeysAsync().WithDeadline()).ShouldBe([Key("b")]);
    }

    [Test]
    public async Task A_key_set_with_a_time_to_live_expires_on_the_servers_clock()
    {
        if (!_server.IsPrivate) Assert.Ignore("Needs a private redis-server, which reports expiries (REDIS_URL is set).");
        var key = Key("session");
        var expired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = _server.Connection.GetSubscriber();
        var channel = RedisChannel.Literal($"__keyevent@{Db.Database}__:expired");
        await subscriber.SubscribeAsync(channel, (_, expiredKey) => { if (expiredKey == key.ToString()) expired.TrySetResult(); }).WithDeadline();
        try
        {
            await Db.StringSetAsync(key, "node-1", TimeSpan.FromMilliseconds(50)).WithDeadline();
            await expired.Task.WithDeadline(what: "the server's expired event for the key");
            (await Db.KeyExistsAsync(key).WithDeadline()).ShouldBeFalse();
        }
        finally
        {
            await subscriber.UnsubscribeAsync(channel);
        }
    }

    [Test]
    public async Task Advancing_the_expiry_deletes_the_keys_whose_time_runs_out()
    {
        await Db.StringSetAsync(Key("short"), "1", TimeSpan.FromSeconds(30)).WithDeadline();
        await Db.StringSetAsync(Key("long"), "2", TimeSpan.FromMinutes(5)).WithDeadline();
        (await _keys.AdvanceExpiryAsync(TimeSpan.FromMinutes(1)).WithDeadline()).ShouldBe(1);
        (await Db.KeyExistsAsync(Key("short")).WithDeadline()).ShouldBeFalse();
        (await Db.KeyTimeToLiveAsync(Key("long")).WithDeadline())!.Value.ShouldBeInRange(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4));
    }

    [Test]
    public async Task Advancing_the_expiry_leaves_keys_without_one()
    {
        await Db.StringSetAsync(Key("forever"), "1").WithDeadline();
        await _keys.AdvanceExpiryAsync(TimeSpan.FromDays(365)).WithDeadline();
        (await Db.KeyExistsAsync(Key("forever")).WithDeadline()).ShouldBeTrue();
    }

    [Test]
    public async Task A_private_server_stops_when_disposed()
    {
        var server = await RedisServer.StartAsync().WithDeadline(TimeSpan.FromSeconds(15), "starting a second redis-server");
        if (!server.IsPrivate)
        {
            await server.DisposeAsync();
            Assert.Ignore("Needs a private redis-server (REDIS_URL is set).");
        }
        var endPoint = server.EndPoint;
        await server.DisposeAsync();
        using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await Should.ThrowAsync<SocketException>(() => probe.ConnectAsync(endPoint).WithDeadline());
    }
}
