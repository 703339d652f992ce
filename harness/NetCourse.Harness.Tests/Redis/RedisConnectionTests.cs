using NetCourse.Harness.Redis;
using NetCourse.Harness.Waiting;
using NetCourse.Redis;

namespace NetCourse.Harness.Tests.Redis;

// Against a real redis-server (started per test on a free loopback port, or REDIS_URL's).
public class RedisConnectionTests
{
    [Test]
    public async Task Ping_is_answered_with_pong()
    {
        await using var server = await RedisServer.StartAsync();
        await using var redis = await server.ConnectAsync();
        (await redis.ExecuteAsync("PING").WithDeadline()).AsString().ShouldBe("PONG");
    }

    [Test]
    public async Task A_value_set_is_read_back_byte_for_byte()
    {
        await using var server = await RedisServer.StartAsync();
        await using var redis = await server.ConnectAsync();
        var key = server.KeyPrefix + "greeting";
        const string value = "{\"text\":\"hé\\r\\n – 你好\"}\r\n with CRLF";
        await redis.ExecuteAsync("SET", key, value).WithDeadline();
        (await redis.ExecuteAsync("GET", key).WithDeadline()).AsString().ShouldBe(value);
    }

    [Test]
    public async Task A_missing_key_reads_as_null()
    {
        await using var server = await RedisServer.StartAsync();
        await using var redis = await server.ConnectAsync();
        (await redis.ExecuteAsync("GET", server.KeyPrefix + "nothing").WithDeadline()).IsNull.ShouldBeTrue();
    }

    [Test]
    public async Task An_error_reply_throws_with_the_servers_message_and_the_connection_stays_usable()
    {
        await using var server = await RedisServer.StartAsync();
        await using var redis = await server.ConnectAsync();
        var key = server.KeyPrefix + "text";
        await redis.ExecuteAsync("SET", key, "not a number");
        (await Should.ThrowAsync<RedisException>(() => redis.ExecuteAsync("INCR", key).WithDeadline())).Message.ShouldContain("not an integer");
        (await redis.ExecuteAsync("PING").WithDeadline()).AsString().ShouldBe("PONG");
    }

    [Test]
    public async Task A_hash_reads_back_as_an_array_of_fields_and_values()
    {
        await using var server = await RedisServer.StartAsync();
        await using var redis = await server.ConnectAsync();
        var key = server.KeyPrefix + "hash";
        (await redis.ExecuteAsync("HSET", key, "a", "1", "b", "2").WithDeadline()).AsInteger().ShouldBe(2);
        var flat = (await redis.ExecuteAsync("HGETALL", key).WithDeadline()).AsArray().Select(v => v.AsString()).ToList();
        flat.Chunk(2).ToDictionary(p => p[0]!, p => p[1]).ShouldBe(new Dictionary<string, string?> { ["a"] = "1", ["b"] = "2" });
    }

    [Test]
    public async Task Concurrent_callers_each_get_their_own_reply()
    {
        await using var server = await RedisServer.StartAsync();
        await using var redis = await server.ConnectAsync();
        var keys = Enumerable.Range(0, 2_000).Select(i => $"{server.KeyPrefix}k{i}").ToArray();
        await Task.WhenAll(keys.Select((k, i) => redis.ExecuteAsync("SET", k, i.ToString()))).WithDeadline();
        var values = await Task.WhenAll(keys.Select(k => redis.ExecuteAsync("GET", k))).WithDeadline();
        values.Select(v => v.AsInteger()).ShouldBe(Enumerable.Range(0, 2_000).Select(i => (long)i));
    }

    [Test]
    public async Task Pipelined_increments_are_each_answered_with_the_count_they_made()
    {
        await using var server = await RedisServer.StartAsync();
        await using var redis = await server.ConnectAsync();
        var counter = server.KeyPrefix + "counter";
        var replies = await Task.WhenAll(Enumerable.Range(0, 10_000).Select(_ => redis.ExecuteAsync("INCR", counter))).WithDeadline();
        replies.Select(r => r.AsInteger()).ShouldBe(Enumerable.Range(1, 10_000).Select(i => (long)i), "replies are matched to commands in order");
    }

    [Test]
    public async Task A_key_set_with_a_time_to_live_expires()
    {
        await using var server = await RedisServer.StartAsync();
        await using var redis = await server.ConnectAsync();
        var key = server.KeyPrefix + "session";
        // A long time to live first, so a slow machine cannot let it run out before PTTL reads it.
        await redis.ExecuteAsync("SET", key, "node-1", "PX", "60000");
        (await redis.ExecuteAsync("PTTL", key)).AsInteger().ShouldBeInRange(1, 60_000);
        await redis.ExecuteAsync("PEXPIRE", key, "50");
        using var deadline = Deadline.Start();
        while ((await redis.ExecuteAsync(["EXISTS", key], deadline.Token)).AsInteger() == 1) await Task.Delay(10, deadline.Token);
    }

    [Test]
    public async Task A_server_that_goes_away_fails_waiting_and_later_commands_with_a_connection_error()
    {
        var server = await RedisServer.StartAsync();
        if (!server.IsPrivate) Assert.Ignore("Needs a private redis-server to stop (REDIS_URL is set).");
        await using var redis = await server.ConnectAsync();
        var blocked = redis.ExecuteAsync("BLPOP", server.KeyPrefix + "never", "0"); // waits for a push that never comes
        await server.DisposeAsync();
        await Should.ThrowAsync<RedisConnectionException>(() => blocked.WithDeadline());
        await Should.ThrowAsync<RedisConnectionException>(() => redis.ExecuteAsync("PING").WithDeadline());
    }

    [Test]
    public async Task Cancelling_a_wait_does_not_shift_the_replies_of_later_commands()
    {
        await using var server = await RedisServer.StartAsync();
        await using var redis = await server.ConnectAsync();
        using var cancel = new CancellationTokenSource();
        var slow = redis.ExecuteAsync(["BLPOP", server.KeyPrefix + "list", "1"], cancel.Token);
        cancel.Cancel();
        await Should.ThrowAsync<OperationCanceledException>(() => slow);
        (await redis.ExecuteAsync("ECHO", "mine").WithDeadline()).AsString().ShouldBe("mine");
    }

    [Test]
    public async Task Connecting_where_nothing_listens_is_a_connection_error_naming_the_address()
    {
        var nowhere = NetCourse.Harness.Servers.FreePort.UnusedTcpEndPoint();
        var error = await Should.ThrowAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(nowhere).WithDeadline());
        error.Message.ShouldContain($"127.0.0.1:{nowhere.Port}");
    }

    [Test]
    public async Task Each_server_instance_has_its_own_key_prefix()
    {
        await using var one = await RedisServer.StartAsync();
        await using var two = await RedisServer.StartAsync();
        one.KeyPrefix.ShouldNotBe(two.KeyPrefix);
    }

    [Test]
    public async Task A_private_server_stops_when_disposed()
    {
        var server = await RedisServer.StartAsync();
        if (!server.IsPrivate) Assert.Ignore("Needs a private redis-server (REDIS_URL is set).");
        await server.DisposeAsync();
        await Should.ThrowAsync<RedisConnectionException>(() => server.ConnectAsync().WithDeadline());
    }
}
