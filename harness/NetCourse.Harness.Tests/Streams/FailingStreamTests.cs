using NetCourse.Harness.Streams;

namespace NetCourse.Harness.Tests.Streams;

public class FailingStreamTests
{
    [Test]
    public async Task Reads_return_the_first_n_bytes_then_throw_an_IOException()
    {
        var stream = FailingStream.FailReadsAfter(new MemoryStream(new byte[100]), 10);
        var buffer = new byte[64];

        (await stream.ReadAsync(buffer)).ShouldBe(10);
        await Should.ThrowAsync<IOException>(() => stream.ReadAsync(buffer).AsTask());
    }

    [Test]
    public async Task Writes_accept_the_first_n_bytes_then_throw()
    {
        var inner = new MemoryStream();
        var stream = FailingStream.FailWritesAfter(inner, 5);

        await Should.ThrowAsync<IOException>(() => stream.WriteAsync(new byte[8]).AsTask());

        inner.Length.ShouldBe(5);
    }

    [Test]
    public async Task The_test_can_choose_the_error()
    {
        var stream = FailingStream.FailReadsAfter(new MemoryStream(new byte[4]), 0, () => new TimeoutException("slow"));

        (await Should.ThrowAsync<TimeoutException>(() => stream.ReadAsync(new byte[4]).AsTask())).Message.ShouldBe("slow");
    }
}
