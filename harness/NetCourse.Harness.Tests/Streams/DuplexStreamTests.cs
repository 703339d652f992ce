using NetCourse.Harness.Streams;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Streams;

public class DuplexStreamTests
{
    [Test]
    public async Task What_one_end_writes_the_other_reads()
    {
        var (client, server) = DuplexStream.CreatePair();

        await client.WriteAsync("hello"u8.ToArray());

        var buffer = new byte[16];
        var read = await server.ReadAsync(buffer).AsTask().WithDeadline();
        buffer[..read].ShouldBe("hello"u8.ToArray());
    }

    [Test]
    public async Task Completing_writes_is_a_half_close()
    {
        var (client, server) = DuplexStream.CreatePair();

        client.CompleteWrites();
        await server.WriteAsync("still open"u8.ToArray());

        (await server.ReadAsync(new byte[4]).AsTask().WithDeadline()).ShouldBe(0);
        (await client.ReadAsync(new byte[16]).AsTask().WithDeadline()).ShouldBe(10);
    }

    [Test]
    public async Task Abort_surfaces_at_the_peer_as_an_IOException()
    {
        var (client, server) = DuplexStream.CreatePair();

        client.Abort();

        await Should.ThrowAsync<IOException>(() => server.ReadAsync(new byte[4]).AsTask().WithDeadline());
    }

    [Test]
    public async Task A_writer_blocks_while_the_unread_limit_is_full()
    {
        var (client, server) = DuplexStream.CreatePair(unreadLimit: 16);

        var write = client.WriteAsync(new byte[64]).AsTask();

        write.IsCompleted.ShouldBeFalse();
        await server.ReadExactlyAsync(new byte[64]).AsTask().WithDeadline();
        await write.WithDeadline();
    }
}
