using System.Buffers;
using System.Text;
using NetCourse.Redis;

namespace NetCourse.Harness.Tests.Redis;

public class RespParserTests
{
    private const string NestedReply = "*3\r\n$5\r\nhello\r\n*2\r\n:42\r\n$-1\r\n+OK\r\n";

    [Test]
    public void A_nested_array_parses_into_its_items()
    {
        Parse(NestedReply).ToString().ShouldBe("[\"hello\", [(integer) 42, (nil)], \"OK\"]");
    }

    [Test]
    public void A_reply_split_at_any_byte_waits_for_the_rest_and_consumes_nothing()
    {
        var bytes = Encoding.UTF8.GetBytes(NestedReply);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, cut));
            RespParser.TryRead(ref reader, out _).ShouldBeFalse($"{cut} of {bytes.Length} bytes is not a whole reply");
            reader.Consumed.ShouldBe(0, $"an incomplete reply ({cut} bytes) must leave the reader where it was");
        }
    }

    [Test]
    public void A_bulk_string_may_hold_CRLF_and_any_UTF8()
    {
        Parse("$11\r\na\r\nb – ü\r\n").AsString().ShouldBe("a\r\nb – ü");
    }

    [Test]
    public void Two_replies_in_one_read_are_read_one_at_a_time()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(":1\r\n:2\r\n")));
        RespParser.TryRead(ref reader, out var first).ShouldBeTrue();
        RespParser.TryRead(ref reader, out var second).ShouldBeTrue();
        (first.AsInteger(), second.AsInteger(), reader.End).ShouldBe((1L, 2L, true));
    }

    [Test]
    public void An_error_reply_keeps_the_servers_text()
    {
        var reply = Parse("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        (reply.Kind, reply.AsString()).ShouldBe((RespKind.Error, "WRONGTYPE Operation against a key holding the wrong kind of value"));
    }

    [TestCase("?what\r\n", "unknown reply type '?'")]
    [TestCase(":12x\r\n", "integer \"12x\" is not a number")]
    [TestCase("$3\r\nabcXY", "does not end with CRLF")]
    [TestCase("$99999999999\r\n", "out of range")]
    [TestCase("*-2\r\n", "out of range")]
    public void Bytes_that_are_not_RESP_are_a_clear_error(string reply, string expected)
    {
        Should.Throw<RedisConnectionException>(() => Parse(reply)).Message.ShouldContain(expected);
    }

    [Test]
    public void Arrays_nested_beyond_the_limit_are_refused_instead_of_recursing_without_end()
    {
        Should.Throw<RedisConnectionException>(() => Parse(string.Concat(Enumerable.Repeat("*1\r\n", 100)) + ":1\r\n"))
            .Message.ShouldContain("nested deeper");
    }

    [Test]
    public void A_command_is_written_as_an_array_of_bulk_strings()
    {
        var output = new ArrayBufferWriter<byte>();
        RespWriter.WriteCommand(output, ["SET", "k", "a b\r\nü"]);
        Encoding.UTF8.GetString(output.WrittenSpan).ShouldBe("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$7\r\na b\r\nü\r\n");
    }

    private static RespValue Parse(string text)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text)));
        RespParser.TryRead(ref reader, out var value).ShouldBeTrue("the whole reply is there");
        return value;
    }
}
