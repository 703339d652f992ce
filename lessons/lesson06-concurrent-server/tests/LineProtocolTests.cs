using System.Buffers;

namespace NetCourse.Lesson06.Tests;

[Task(1)]
public class LineProtocolTests
{
    private const int Max = 10;

    [Test, Hint("See Hint 1.1: find the LF with PositionOf, slice the line before it, and advance the buffer past it.")]
    public void TryReadLine_returns_the_line_without_its_LF()
    {
        var buffer = Sequences.Of("hello\n");
        LineProtocol.TryReadLine(ref buffer, Max, out var line).ShouldBe(LineRead.Line);
        Sequences.Text(line).ShouldBe("hello", "The line is the bytes before the LF, without it.");
        buffer.Length.ShouldBe(0, "The buffer must be advanced past the line and its LF.");
    }

    [Test, Hint("See Hint 1.2: a CR just before the LF belongs to the line break, not to the line.")]
    public void TryReadLine_drops_the_CR_of_a_CRLF()
    {
        var buffer = Sequences.Of("hello\r\n");
        LineProtocol.TryReadLine(ref buffer, Max, out var line).ShouldBe(LineRead.Line);
        Sequences.Text(line).ShouldBe("hello", "Telnet-style clients end lines with CR LF: drop the CR.");
    }

    [Test, Hint("See Hint 1.1: without a LF there is no line yet; leave the buffer as it is.")]
    public void TryReadLine_without_a_LF_needs_more_and_consumes_nothing()
    {
        var buffer = Sequences.Of("hel");
        LineProtocol.TryReadLine(ref buffer, Max, out _).ShouldBe(LineRead.NeedMore);
        Sequences.Text(buffer).ShouldBe("hel", "A partial line must stay in the buffer for the next read.");
    }

    [Test, Hint("See Hint 1.1: call TryReadLine in a loop; each call takes one line and leaves the rest.")]
    public void TryReadLine_takes_one_line_at_a_time_from_two_merged_lines()
    {
        var buffer = Sequences.Of("one\ntwo\nthr");
        LineProtocol.TryReadLine(ref buffer, Max, out var first).ShouldBe(LineRead.Line);
        LineProtocol.TryReadLine(ref buffer, Max, out var second).ShouldBe(LineRead.Line);
        (Sequences.Text(first), Sequences.Text(second)).ShouldBe(("one", "two"), "Two lines in one read are two requests, in order.");
        Sequences.Text(buffer).ShouldBe("thr", "The start of the third line stays in the buffer.");
    }

    [Test, Hint("See Hint 1.3: work on the ReadOnlySequence, not on its FirstSpan: a line may span segments.")]
    public void TryReadLine_finds_a_line_spread_over_several_segments()
    {
        var buffer = Sequences.Of("he", "l", "lo\r", "\nnext");
        LineProtocol.TryReadLine(ref buffer, Max, out var line).ShouldBe(LineRead.Line);
        Sequences.Text(line).ShouldBe("hello", "A line that arrived in four reads is still one line (and its CR is still dropped).");
        Sequences.Text(buffer).ShouldBe("next");
    }

    [Test, Hint("See Hint 1.4: a complete line longer than the maximum is TooLong.")]
    public void TryReadLine_reports_a_complete_line_over_the_maximum_as_TooLong()
    {
        var buffer = Sequences.Of(new string('x', Max + 1) + "\n");
        LineProtocol.TryReadLine(ref buffer, Max, out _).ShouldBe(LineRead.TooLong);
    }

    [Test, Points(2), Hint("See Hint 1.4: without a LF, more than maxLength (+1 for a CR) bytes already make the line too long: say so now instead of waiting.")]
    public void TryReadLine_reports_TooLong_before_the_LF_arrives()
    {
        var buffer = Sequences.Of(new string('x', Max + 2));
        LineProtocol.TryReadLine(ref buffer, Max, out _).ShouldBe(LineRead.TooLong,
            "A line already longer than the maximum must be refused now, or a client can make the server buffer without limit.");
    }

    [Test, Hint("See Hint 1.4: the maximum counts the line without its CR LF.")]
    public void TryReadLine_accepts_a_line_of_exactly_the_maximum_followed_by_CRLF()
    {
        var partial = Sequences.Of(new string('x', Max) + "\r");
        LineProtocol.TryReadLine(ref partial, Max, out _).ShouldBe(LineRead.NeedMore, "Max bytes and a CR: the LF may still come.");
        var buffer = Sequences.Of(new string('x', Max) + "\r\n");
        LineProtocol.TryReadLine(ref buffer, Max, out var line).ShouldBe(LineRead.Line);
        line.Length.ShouldBe(Max);
    }

    [Test, Hint("See Hint 1.1: an empty line (just LF) is a line too.")]
    public void TryReadLine_returns_an_empty_line_for_a_lone_LF()
    {
        var buffer = Sequences.Of("\n");
        LineProtocol.TryReadLine(ref buffer, Max, out var line).ShouldBe(LineRead.Line);
        line.Length.ShouldBe(0);
    }
}
