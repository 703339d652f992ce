namespace NetCourse.Lesson03.Tests;

[Task(1)]
public class EndpointTests
{
    [Test, Hint("Split at the colon: the host before it, the port after it.")]
    public void IPv4_address_and_port_parse()
    {
        Endpoint.Parse("127.0.0.1:9000").ShouldBe(new Endpoint("127.0.0.1", 9000));
    }

    [Test, Hint("A host name is letters, digits, hyphens and dots; keep it as written.")]
    public void Host_name_and_port_parse()
    {
        Endpoint.Parse("files.example-1.org:8080").ShouldBe(new Endpoint("files.example-1.org", 8080));
    }

    [Test, Points(2), Hint("See Hint 1.2: split at the LAST colon; an IPv6 address has colons of its own, and its brackets are not part of the host.")]
    public void IPv6_address_in_brackets_parses_without_its_brackets()
    {
        Endpoint.Parse("[::1]:9000").ShouldBe(new Endpoint("::1", 9000), "[::1]:9000 is the host ::1 and the port 9000.");
    }

    [Test, Hint("See Hint 1.2: the port follows the last colon, after the closing bracket.")]
    public void Long_IPv6_address_in_brackets_parses()
    {
        Endpoint.Parse("[2001:db8::8a2e:370:7334]:443").ShouldBe(new Endpoint("2001:db8::8a2e:370:7334", 443));
    }

    [TestCase("0.0.0.0:80"), TestCase("255.255.255.255:80")]
    [Hint("See Hint 1.4: each of the four numbers goes from 0 to 255 inclusive.")]
    public void IPv4_numbers_at_the_ends_of_0_to_255_are_accepted(string text)
    {
        Endpoint.Parse(text).Port.ShouldBe(80, $"{text} is a valid IPv4 endpoint.");
    }

    [TestCase("x.example:80"), TestCase("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.example:80")]
    [Hint("Host-name labels are 1 to 63 characters, both ends included.")]
    public void Host_name_labels_of_1_and_63_characters_are_accepted(string text)
    {
        Endpoint.Parse(text).Host.ShouldBe(text[..text.LastIndexOf(':')], "Labels of 1 to 63 letters, digits or hyphens make a valid host name.");
    }

    [TestCase(1), TestCase(65535)]
    [Hint("Ports go from 1 to 65535 inclusive.")]
    public void Ports_at_the_ends_of_the_range_are_accepted(int port)
    {
        Endpoint.Parse($"localhost:{port}").Port.ShouldBe(port);
    }

    [TestCase("localhost:0"), TestCase("localhost:65536"), TestCase("localhost:99999999999")]
    [Points(2), Hint("See Hint 1.3: a port is 16 bits and 0 means \"any\": check 1 to 65535 after parsing the number.")]
    public void Port_outside_1_to_65535_is_rejected(string text)
    {
        var error = Should.Throw<FormatException>(() => Endpoint.Parse(text), $"{text} has a port outside 1-65535.");
        error.Message.ShouldContain(text[(text.LastIndexOf(':') + 1)..], Case.Sensitive, "The message should name the bad port.");
    }

    [TestCase("localhost:http"), TestCase("localhost:+80"), TestCase("localhost: 80"), TestCase("localhost:-1"), TestCase("localhost:8_0"), TestCase("localhost:")]
    [Hint("See Hint 1.3: a port is decimal digits only, no sign and no spaces.")]
    public void Port_that_is_not_plain_digits_is_rejected(string text)
    {
        Should.Throw<FormatException>(() => Endpoint.Parse(text), $"'{text}' has no valid port.");
    }

    [Test, Hint("No colon at all means no port: say so.")]
    public void Host_without_port_is_rejected()
    {
        var error = Should.Throw<FormatException>(() => Endpoint.Parse("localhost"));
        error.Message.ShouldContain("port", Case.Insensitive, "Tell the user the port is missing.");
    }

    [Test, Hint("Nothing before the colon means no host.")]
    public void Port_without_host_is_rejected()
    {
        Should.Throw<FormatException>(() => Endpoint.Parse(":9000"));
    }

    [Test, Hint("See Hint 1.2: a host that still holds a colon is an IPv6 address without its brackets; tell the user to add them.")]
    public void IPv6_address_without_brackets_is_rejected_with_a_hint_about_brackets()
    {
        var error = Should.Throw<FormatException>(() => Endpoint.Parse("::1:9000"), "::1:9000 is ambiguous: which colon starts the port?");
        error.Message.ShouldContain("[", Case.Sensitive, "The message should show the bracketed form, as in [::1]:9000.");
    }

    [TestCase("[127.0.0.1]:80"), TestCase("[localhost]:80"), TestCase("[::1:80"), TestCase("::1]:80")]
    [Hint("Brackets hold an IPv6 address and nothing else, and they come in pairs.")]
    public void Brackets_around_anything_but_an_IPv6_address_are_rejected(string text)
    {
        Should.Throw<FormatException>(() => Endpoint.Parse(text), $"'{text}' is not a valid bracketed IPv6 endpoint.");
    }

    [TestCase("1.2.3:80"), TestCase("256.1.1.1:80"), TestCase("127.1:80"), TestCase("1.2.3.4.5:80")]
    [Hint("See Hint 1.4: a host of digits and dots must be exactly four numbers from 0 to 255; IPAddress.TryParse also takes shorthands like 127.1.")]
    public void Malformed_IPv4_address_is_rejected(string text)
    {
        Should.Throw<FormatException>(() => Endpoint.Parse(text), $"'{text}' is not a dotted-quad IPv4 address.");
    }

    [TestCase("my_host:80"), TestCase("-bad.example:80"), TestCase("a..b:80"), TestCase("bad host:80"), TestCase("exämple.org:80")]
    [Hint("See Hint 1.4: host-name labels are letters, digits and hyphens (RFC 1123), never empty, never starting or ending with a hyphen.")]
    public void Malformed_host_name_is_rejected(string text)
    {
        Should.Throw<FormatException>(() => Endpoint.Parse(text), $"'{text}' is not a valid host name.");
    }

    [Test, Hint("Put an IPv6 host back in brackets when formatting, or the result cannot be parsed again.")]
    public void ToString_puts_an_IPv6_host_back_in_brackets()
    {
        new Endpoint("::1", 9000).ToString().ShouldBe("[::1]:9000");
    }

    [Test, Hint("Format host:port.")]
    public void ToString_of_an_IPv4_endpoint_is_host_colon_port()
    {
        new Endpoint("127.0.0.1", 9000).ToString().ShouldBe("127.0.0.1:9000");
    }

    [Test, Hint("ParsePort is the port half of Parse: use it in both places.")]
    public void ParsePort_reads_a_port_number()
    {
        Endpoint.ParsePort("9000").ShouldBe(9000);
    }

    [TestCase("0"), TestCase("65536"), TestCase("nine")]
    [Hint("See Hint 1.3: ParsePort has the same rules as the port of an endpoint.")]
    public void ParsePort_rejects_what_is_not_a_port(string text)
    {
        Should.Throw<FormatException>(() => Endpoint.ParsePort(text), $"'{text}' is not a port from 1 to 65535.");
    }
}
