using System.Buffers;

namespace NetCourse.Lesson08.Tests;

[Task(1)]
public class HandshakeParsingTests
{
    [Test, Hint("See Hint 1.1: the request line is method, target and version separated by single spaces; each header line is name: value.")]
    public void TryParseRequest_reads_the_request_line_and_every_header_field()
    {
        var (outcome, request, _) = Requests.Parse(Requests.Rfc);
        outcome.ShouldBe(HandshakeParse.Request);
        request.ShouldNotBeNull();
        (request.Method, request.Target, request.Version).ShouldBe(("GET", "/chat", "HTTP/1.1"));
        request.Headers.Count.ShouldBe(7, "The RFC's sample request has seven header fields.");
        request.Header("sec-websocket-key").ShouldBe(Requests.RfcKey);
        request.Header("Sec-WebSocket-Protocol").ShouldBe("chat, superchat");
    }

    [Test, Hint("See Hint 1.2: no blank line yet means NeedMore, and the buffer stays as it was (the caller appends the next read to it).")]
    public void TryParseRequest_without_the_blank_line_needs_more_and_leaves_the_buffer_alone()
    {
        var almost = Requests.Rfc[..^2];
        var (outcome, request, rest) = Requests.Parse(almost);
        outcome.ShouldBe(HandshakeParse.NeedMore, "A head ends with an empty line (CR LF CR LF); until it arrives, more is needed.");
        request.ShouldBeNull();
        Sequences.Latin1(rest).ShouldBe(almost, "NeedMore must not consume anything.");
    }

    [Test, Points(2), Hint("See Hint 1.2: look for CR LF CR LF in everything received so far, wherever the reads were cut.")]
    public void TryParseRequest_of_a_request_cut_at_every_byte_needs_more_until_its_last_byte()
    {
        var bytes = Requests.Bytes(Requests.Rfc);
        for (var length = 0; length < bytes.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, length);
            WebSocketHandshake.TryParseRequest(ref buffer, out _).ShouldBe(HandshakeParse.NeedMore,
                $"The first {length} of {bytes.Length} bytes are not a whole head yet.");
        }
        var whole = new ReadOnlySequence<byte>(bytes);
        WebSocketHandshake.TryParseRequest(ref whole, out var request).ShouldBe(HandshakeParse.Request);
        request!.Header("Sec-WebSocket-Version").ShouldBe("13");
    }

    [Test, Points(2), Hint("See Hint 1.3: a ReadOnlySequence may be many segments; search it with SequenceReader or PositionOf, not FirstSpan.")]
    public void TryParseRequest_reads_a_request_spread_over_one_byte_segments()
    {
        var bytes = Requests.Bytes(Requests.Rfc);
        var buffer = Sequences.Of(bytes.Select(b => new[] { b }).ToArray());
        WebSocketHandshake.TryParseRequest(ref buffer, out var request).ShouldBe(HandshakeParse.Request,
            "The same request, arriving one byte per read, must parse the same.");
        request!.Header("Sec-WebSocket-Key").ShouldBe(Requests.RfcKey);
        request.Headers.Count.ShouldBe(7);
        buffer.Length.ShouldBe(0);
    }

    [Test, Hint("See Hint 1.3: every segmentation of the bytes gives the same request.")]
    public void TryParseRequest_reads_a_request_cut_into_random_pieces()
    {
        var random = TestSeed.RandomForCurrentTest();
        var bytes = Requests.Bytes(Requests.Rfc);
        for (var round = 0; round < 50; round++)
        {
            var buffer = Sequences.Cut(bytes, () => random.Next(1, 12));
            WebSocketHandshake.TryParseRequest(ref buffer, out var request).ShouldBe(HandshakeParse.Request);
            request!.Header("Origin").ShouldBe("http://example.com");
        }
    }

    [Test, Hint("See Hint 1.4: advance the buffer just past the blank line; what follows is not the head's.")]
    public void TryParseRequest_leaves_the_bytes_after_the_blank_line_in_the_buffer()
    {
        var (outcome, _, rest) = Requests.Parse(Requests.Rfc + "\u0081\u0005early");
        outcome.ShouldBe(HandshakeParse.Request);
        Sequences.Latin1(rest).ShouldBe("\u0081\u0005early", "Bytes after the head belong to whatever comes next and must stay in the buffer.");
    }

    [Test, Hint("See Hint 1.1: a value is trimmed of the spaces and tabs around it; a name is kept as sent (lookups ignore case).")]
    public void TryParseRequest_trims_spaces_around_values_and_keeps_names_as_sent()
    {
        var (_, request, _) = Requests.Parse("GET / HTTP/1.1\r\nhost:   a.example \t\r\nX-Empty:\r\n\r\n");
        request.ShouldNotBeNull();
        request.Headers.ShouldBe([new("host", "a.example"), new("X-Empty", "")]);
    }

    [TestCase("GET /chat\r\n", TestName = "{m}(two parts)")]
    [TestCase("GET  /chat HTTP/1.1\r\n", TestName = "{m}(two spaces)")]
    [TestCase("GET /chat HTTP/1.1 extra\r\n", TestName = "{m}(four parts)")]
    [TestCase("GET /chat HTTQ/1.1\r\n", TestName = "{m}(not HTTP)")]
    [TestCase("\r\n", TestName = "{m}(empty line)")]
    [TestCase(" /chat HTTP/1.1\r\n", TestName = "{m}(no method)")]
    [TestCase("GET  HTTP/1.1\r\n", TestName = "{m}(no target)")]
    [TestCase("GE(T /chat HTTP/1.1\r\n", TestName = "{m}(a delimiter in the method)")]
    [TestCase("GE\u007fT /chat HTTP/1.1\r\n", TestName = "{m}(DEL in the method)")]
    [TestCase("GET /ch\u0001at HTTP/1.1\r\n", TestName = "{m}(a control character in the target)")]
    [TestCase("GET /chat HTTP/1.x\r\n", TestName = "{m}(a letter for the minor version)")]
    [TestCase("GET /chat HTTP/x.1\r\n", TestName = "{m}(a letter for the major version)")]
    [Hint("See Hint 1.1: a request line is exactly method SP target SP HTTP/x.y, the method a token, the target not empty and free of control characters, x and y digits; anything else is Malformed.")]
    public void TryParseRequest_with_a_malformed_request_line_is_Malformed(string requestLine)
    {
        Requests.Parse(requestLine + "Host: a\r\n\r\n").Outcome.ShouldBe(HandshakeParse.Malformed, $"\"{requestLine.TrimEnd()}\" is not a request line.");
    }

    [TestCase("HTTP/1.0"), TestCase("HTTP/0.9"), TestCase("HTTP/9.0")]
    [Hint("See Hint 1.1: the parser reads any version HTTP/x.y (digits); deciding that only HTTP/1.1 opens a WebSocket is Validate's job (400).")]
    public void TryParseRequest_reads_a_request_of_another_HTTP_version(string version)
    {
        var (outcome, request, _) = Requests.Parse($"GET /chat {version}\r\nHost: a\r\n\r\n");
        outcome.ShouldBe(HandshakeParse.Request, $"\"GET /chat {version}\" is a well-formed request line.");
        request!.Version.ShouldBe(version);
    }

    [TestCase("Host a.example", TestName = "{m}(no colon)")]
    [TestCase(": a.example", TestName = "{m}(no name)")]
    [TestCase("Host : a.example", TestName = "{m}(space before the colon)")]
    [TestCase(" folded: line", TestName = "{m}(folded line)")]
    [TestCase("Ho@st: a.example", TestName = "{m}(a delimiter in the name)")]
    [TestCase("Host: a\u0001.example", TestName = "{m}(a control character in the value)")]
    [Hint("See Hint 1.1: a header line is a name (a token: no spaces, no delimiters), a colon, a value without control characters; RFC 9112 says to reject the rest with 400.")]
    public void TryParseRequest_with_a_malformed_header_line_is_Malformed(string line)
    {
        Requests.Parse($"GET / HTTP/1.1\r\n{line}\r\n\r\n").Outcome.ShouldBe(HandshakeParse.Malformed, $"\"{line}\" is not a header field.");
    }

    [Test, Hint("See Hint 1.4: without a blank line but more than MaxHeadBytes waiting, answer TooLarge now: never wait for the end of an endless head.")]
    public void TryParseRequest_of_a_head_over_the_limit_is_TooLarge_before_it_ends()
    {
        var endless = "GET / HTTP/1.1\r\nX-Padding: " + new string('a', HttpUpgradeRequest.MaxHeadBytes);
        Requests.Parse(endless).Outcome.ShouldBe(HandshakeParse.TooLarge,
            $"{endless.Length} bytes and no end in sight: the head is already over {HttpUpgradeRequest.MaxHeadBytes} bytes.");
    }

    [Test, Hint("See Hint 1.4: the limit counts the whole head, blank line included, and a head of exactly the limit is fine.")]
    public void TryParseRequest_limit_is_inclusive()
    {
        var start = "GET / HTTP/1.1\r\nX-Padding: ";
        var exactly = start + new string('a', HttpUpgradeRequest.MaxHeadBytes - start.Length - 4) + "\r\n\r\n";
        Requests.Parse(exactly).Outcome.ShouldBe(HandshakeParse.Request, $"A head of exactly {HttpUpgradeRequest.MaxHeadBytes} bytes is allowed.");
        var oneMore = start + new string('a', HttpUpgradeRequest.MaxHeadBytes - start.Length - 3) + "\r\n\r\n";
        Requests.Parse(oneMore).Outcome.ShouldBe(HandshakeParse.TooLarge, $"A head of {HttpUpgradeRequest.MaxHeadBytes + 1} bytes is too large.");
    }
}
