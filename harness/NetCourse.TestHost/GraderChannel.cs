using NetCourse.Grading.Protocol;

namespace NetCourse.TestHost;

/// <summary>
/// The host's end of the grader's channel, opened first thing in <c>Main</c>, before any learner
/// code is loaded. Standard input brings the <see cref="ChannelOpening"/> (the event key and the
/// tests to skip); it is then closed, so the key cannot be read twice. Standard output becomes the
/// event stream, and <see cref="Console.Out"/> is pointed at standard error, so whatever the
/// learner's code prints can never land between the host's lines.
/// </summary>
internal static class GraderChannel
{
    public sealed record Opened(EventSink Sink, IReadOnlySet<string> Skip);

    public static Opened Open()
    {
        var input = Console.In;
        var opening = ChannelOpening.Read(input);
        input.Dispose();
        Console.SetIn(TextReader.Null);

        var events = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        return new Opened(EventSink.ToChannel(events, opening.Key), opening.Skip);
    }
}
