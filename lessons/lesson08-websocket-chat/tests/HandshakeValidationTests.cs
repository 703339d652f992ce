namespace NetCourse.Lesson08.Tests;

[Task(2)]
public class HandshakeValidationTests
{
    private static readonly string[] AllowedOrigins = ["http://chat.example"];

    [Test, Points(2), Hint("See Hint 2.1: SHA-1 over the ASCII of key + GUID, then base64 of the 20-byte hash.")]
    public void ComputeAccept_of_the_RFC_6455_sample_key_is_the_RFC_value()
    {
        WebSocketHandshake.ComputeAccept(Requests.RfcKey).ShouldBe(Requests.RfcAccept,
            "RFC 6455, section 1.3: the key dGhlIHNhbXBsZSBub25jZQ== gives s3pPLMBiTxaQ9kYGzzhZRbK+xOo=.");
    }

    [Test, Hint("See Hint 2.1: hash the key's text as it came (24 characters), not the 16 bytes it decodes to; the GUID is upper case.")]
    public void ComputeAccept_of_another_key_matches_a_known_answer()
    {
        WebSocketHandshake.ComputeAccept("x3JJHMbDL1EzLkh9GBhXDw==").ShouldBe("HSmrc0sMlYUkAGmm5OPpG2HaGWk=");
    }

    [Test, Points(2), Hint("See Hint 2.2: 101 with Upgrade: websocket, Connection: Upgrade and Sec-WebSocket-Accept.")]
    public void Validate_a_correct_handshake_answers_101_with_the_accept_value()
    {
        var response = WebSocketHandshake.Validate(Requests.Valid());
        response.StatusCode.ShouldBe(101);
        response.Header("Upgrade").ShouldBe("websocket", StringCompareShould.IgnoreCase);
        response.Header("Connection").ShouldBe("Upgrade", StringCompareShould.IgnoreCase);
        response.Header("Sec-WebSocket-Accept").ShouldBe(Requests.RfcAccept);
    }

    [Test, Hint("See Hints 1.1 and 2.2: parse, validate, and the answer on the wire is the RFC's.")]
    public void The_RFC_sample_request_gets_the_RFC_response_on_the_wire()
    {
        var (_, request, _) = Requests.Parse(Requests.Rfc);
        var wire = Encoding.ASCII.GetString(WebSocketHandshake.Validate(request!).ToBytes());
        wire.ShouldStartWith("HTTP/1.1 101 Switching Protocols\r\n");
        wire.ShouldContain("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n");
        wire.ShouldEndWith("\r\n\r\n");
    }

    [TestCase("POST"), TestCase("PUT"), TestCase("get")]
    [Hint("See Hint 2.3: only GET opens a WebSocket (methods are case-sensitive); answer 405 with Allow: GET.")]
    public void Validate_another_method_is_405_with_Allow_GET(string method)
    {
        var response = WebSocketHandshake.Validate(Requests.Valid(method: method));
        response.StatusCode.ShouldBe(405);
        response.Header("Allow").ShouldBe("GET", "A 405 says which methods the resource allows.");
    }

    [Test, Hint("See Hint 2.3: the handshake needs HTTP/1.1.")]
    public void Validate_HTTP_1_0_is_400()
    {
        WebSocketHandshake.Validate(Requests.Valid(version: "HTTP/1.0")).StatusCode.ShouldBe(400);
    }

    [Test, Hint("See Hint 2.3: HTTP/1.1 requires exactly one Host field.")]
    public void Validate_without_Host_is_400()
    {
        WebSocketHandshake.Validate(Requests.Valid().Without("Host")).StatusCode.ShouldBe(400);
    }

    [TestCase(null, TestName = "{m}(missing)")]
    [TestCase("h2c", TestName = "{m}(h2c)")]
    [Hint("See Hint 2.4: Upgrade must list the token websocket.")]
    public void Validate_without_Upgrade_websocket_is_400(string? upgrade)
    {
        var request = upgrade is null ? Requests.Valid().Without("Upgrade") : Requests.Valid().With("Upgrade", upgrade);
        WebSocketHandshake.Validate(request).StatusCode.ShouldBe(400);
    }

    [TestCase(null, TestName = "{m}(missing)")]
    [TestCase("keep-alive", TestName = "{m}(keep-alive)")]
    [TestCase("Upgrades", TestName = "{m}(Upgrades)")]
    [Hint("See Hint 2.4: Connection must list the token Upgrade (a whole token, not a substring).")]
    public void Validate_without_Connection_Upgrade_is_400(string? connection)
    {
        var request = connection is null ? Requests.Valid().Without("Connection") : Requests.Valid().With("Connection", connection);
        WebSocketHandshake.Validate(request).StatusCode.ShouldBe(400);
    }

    [Test, Points(2), Hint("See Hint 2.4: Connection is a comma-separated list; Firefox sends \"keep-alive, Upgrade\".")]
    public void Validate_accepts_Connection_with_several_tokens()
    {
        WebSocketHandshake.Validate(Requests.Valid().With("Connection", "keep-alive, Upgrade")).StatusCode.ShouldBe(101,
            "\"Connection: keep-alive, Upgrade\" lists the Upgrade token: it is a valid handshake.");
    }

    [Test, Hint("See Hint 2.4: a list may also come on several lines of the same field.")]
    public void Validate_accepts_Connection_tokens_on_two_lines()
    {
        var request = Requests.Valid().With("Connection", "keep-alive").Adding("Connection", "Upgrade");
        WebSocketHandshake.Validate(request).StatusCode.ShouldBe(101);
    }

    [Test, Hint("See Hint 2.4: tokens compare without regard to case.")]
    public void Validate_compares_Upgrade_and_Connection_tokens_case_insensitively()
    {
        var request = Requests.Valid().With("Upgrade", "WebSocket").With("Connection", "upgrade");
        WebSocketHandshake.Validate(request).StatusCode.ShouldBe(101);
    }

    [TestCase("8"), TestCase("14"), TestCase("13, 8")]
    [Hint("See Hint 2.5: any version but exactly 13 gets 426 Upgrade Required, with Sec-WebSocket-Version: 13 to say what the server speaks.")]
    public void Validate_another_protocol_version_is_426_with_Sec_WebSocket_Version_13(string version)
    {
        var response = WebSocketHandshake.Validate(Requests.Valid().With("Sec-WebSocket-Version", version));
        response.StatusCode.ShouldBe(426);
        response.Header("Sec-WebSocket-Version").ShouldBe("13", "A 426 must tell the client which version to retry with (RFC 6455, section 4.4).");
    }

    [Test, Hint("See Hint 2.5: exactly one Sec-WebSocket-Version field: two lines, even one of them 13, get 426 (and Validate never throws).")]
    public void Validate_two_protocol_version_lines_is_426()
    {
        var request = Requests.Valid().Adding("Sec-WebSocket-Version", "8");
        var response = Should.NotThrow(() => WebSocketHandshake.Validate(request), "A request with two Sec-WebSocket-Version lines is the client's mistake: answer it.");
        response.StatusCode.ShouldBe(426);
    }

    [TestCase(null, TestName = "{m}(missing)")]
    [TestCase("", TestName = "{m}(empty)")]
    [TestCase("dGhlIHNhbXBsZSBub25jZQ", TestName = "{m}(no padding)")]
    [TestCase("dGhlIHNhbXBsZSBub25j", TestName = "{m}(15 bytes)")]
    [TestCase("dGhlIHNhbXBsZSBub25jZSE=", TestName = "{m}(17 bytes)")]
    [TestCase("this is not base64 at all", TestName = "{m}(not base64)")]
    [TestCase("dGhlIHNhbXBs ZSBub25jZQ==", TestName = "{m}(a space inside)")]
    [Hint("See Hint 2.6: the key must be base64 that decodes to exactly 16 bytes.")]
    public void Validate_a_key_that_is_not_16_bytes_of_base64_is_400(string? key)
    {
        var request = key is null ? Requests.Valid().Without("Sec-WebSocket-Key") : Requests.Valid().With("Sec-WebSocket-Key", key);
        WebSocketHandshake.Validate(request).StatusCode.ShouldBe(400);
    }

    [Test, Hint("See Hint 2.6: the key must appear exactly once.")]
    public void Validate_two_keys_is_400()
    {
        WebSocketHandshake.Validate(Requests.Valid().Adding("Sec-WebSocket-Key", "x3JJHMbDL1EzLkh9GBhXDw==")).StatusCode.ShouldBe(400);
    }

    [Test, Points(2), Hint("See Hint 2.7: an Origin that is not in the allowed list gets 403 Forbidden.")]
    public void Validate_an_origin_not_allowed_is_403()
    {
        var request = Requests.Valid().Adding("Origin", "http://evil.example");
        WebSocketHandshake.Validate(request, AllowedOrigins).StatusCode.ShouldBe(403);
    }

    [TestCase("http://chat.example.evil.com"), TestCase("http://chat.example:8080"), TestCase("http://chat.exampl")]
    [Points(2), Hint("See Hint 2.7: an origin is allowed only when it equals an allowed one as a whole; one that merely starts like it is another site.")]
    public void Validate_an_origin_that_only_resembles_an_allowed_one_is_403(string origin)
    {
        var request = Requests.Valid().Adding("Origin", origin);
        WebSocketHandshake.Validate(request, AllowedOrigins).StatusCode.ShouldBe(403,
            $"{origin} is not http://chat.example: compare the whole origin, not its start.");
    }

    [Test, Hint("See Hint 2.7: origins compare without regard to case (scheme and host are case-insensitive).")]
    public void Validate_an_allowed_origin_is_accepted()
    {
        var request = Requests.Valid().Adding("Origin", "HTTP://Chat.Example");
        WebSocketHandshake.Validate(request, AllowedOrigins).StatusCode.ShouldBe(101);
    }

    [Test, Hint("See Hint 2.7: only browsers send Origin; a request without one is a program, and the list does not apply.")]
    public void Validate_a_request_without_Origin_is_accepted_with_an_allow_list()
    {
        WebSocketHandshake.Validate(Requests.Valid(), AllowedOrigins).StatusCode.ShouldBe(101);
    }

    [Test, Hint("See Hint 2.7: no list (null) allows every origin.")]
    public void Validate_any_origin_is_accepted_without_an_allow_list()
    {
        WebSocketHandshake.Validate(Requests.Valid().Adding("Origin", "http://anywhere.example")).StatusCode.ShouldBe(101);
    }
}
